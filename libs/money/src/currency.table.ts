/**
 * ISO 4217 currencies a European / CIS / US card processor meets.
 * Columns: alphabetic code, numeric code (DE 49 / DE 50 / DE 51 in ISO 8583), minor units (exponent).
 * Source: ISO 4217 list one (current currencies). Withdrawn codes (HRK, LTL, LVL, BYR) are
 * deliberately absent: a message carrying one is rejected instead of silently accepted.
 */
export const CURRENCY_TABLE: ReadonlyArray<readonly [alpha: string, numeric: string, minorUnits: number]> = [
  // Europe
  ['EUR', '978', 2], ['GBP', '826', 2], ['CHF', '756', 2], ['SEK', '752', 2], ['NOK', '578', 2],
  ['DKK', '208', 2], ['ISK', '352', 0], ['PLN', '985', 2], ['CZK', '203', 2], ['HUF', '348', 2],
  ['RON', '946', 2], ['BGN', '975', 2], ['RSD', '941', 2], ['MKD', '807', 2], ['BAM', '977', 2],
  ['ALL', '008', 2], ['MDL', '498', 2], ['TRY', '949', 2], ['GIP', '292', 2],
  // CIS and the Caucasus / Central Asia
  ['RUB', '643', 2], ['UAH', '980', 2], ['BYN', '933', 2], ['KZT', '398', 2], ['UZS', '860', 2],
  ['KGS', '417', 2], ['TJS', '972', 2], ['TMT', '934', 2], ['AZN', '944', 2], ['GEL', '981', 2],
  ['AMD', '051', 2], ['MNT', '496', 2],
  // Americas
  ['USD', '840', 2], ['CAD', '124', 2], ['MXN', '484', 2], ['BRL', '986', 2], ['ARS', '032', 2],
  ['CLP', '152', 0], ['COP', '170', 2], ['PEN', '604', 2], ['UYU', '858', 2], ['PYG', '600', 0],
  // Middle East and Africa
  ['AED', '784', 2], ['SAR', '682', 2], ['QAR', '634', 2], ['ILS', '376', 2], ['EGP', '818', 2],
  ['KWD', '414', 3], ['BHD', '048', 3], ['OMR', '512', 3], ['JOD', '400', 3], ['IQD', '368', 3],
  ['LYD', '434', 3], ['TND', '788', 3], ['MAD', '504', 2], ['ZAR', '710', 2], ['NGN', '566', 2],
  ['KES', '404', 2], ['UGX', '800', 0], ['RWF', '646', 0], ['XOF', '952', 0], ['XAF', '950', 0],
  // Asia-Pacific
  ['JPY', '392', 0], ['KRW', '410', 0], ['VND', '704', 0], ['CNY', '156', 2], ['HKD', '344', 2],
  ['TWD', '901', 2], ['SGD', '702', 2], ['INR', '356', 2], ['PKR', '586', 2], ['THB', '764', 2],
  ['MYR', '458', 2], ['IDR', '360', 2], ['PHP', '608', 2], ['AUD', '036', 2], ['NZD', '554', 2],
  ['XPF', '953', 0],
];
