export { AntifraudModule } from './antifraud.module';
