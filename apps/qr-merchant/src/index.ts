export { QrMerchantModule } from './qr-merchant.module';
