/** The register's terminal, as its API key identifies it. */
export interface Terminal {
  clientId: string;
  name: string;
  terminalId: string;
  merchantId: string;
  currencies: string[];
}

export const DEMO_TERMINAL = { name: 'Demo register', terminalId: 'DEMO0001', merchantId: 'DEMOSHOP0000001', currencies: ['EUR', 'USD'] };
