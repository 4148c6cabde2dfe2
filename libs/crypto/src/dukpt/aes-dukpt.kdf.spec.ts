import { bytesToHex, hexToBytes } from '../bytes.util';
import { ANSI_AES128_TEST_BDK, ANSI_AES256_TEST_BDK, ANSI_AES_TEST_INITIAL_KSN } from './ansi-test-keys';
import { AesDukptKeyUsage, deriveAesInitialKey, deriveAesTransactionKey, deriveAesWorkingKey } from './aes-dukpt.kdf';
import { AesKeySerialNumber } from './aes-key-serial-number.model';

/*
 * Vectors: ANSI X9.24-3-2017 Annex B.1 sample and the X9 "X9.24-3-2017 Test Vectors" supplement
 * (x9.org, 2018-01-29), BDK FEDCBA9876543210F1F1F1F1F1F1F1F1 (and twice that for AES-256), initial
 * key id 1234567890123456. The same values are checked by open implementations, e.g. the
 * openemv/dukpt repository (test/dukpt_aes128_test.c, test/dukpt_aes256_test.c: initial keys and
 * transaction keys) and its X9.24-3 vectors for each working key usage.
 */
const BDK128 = hexToBytes(ANSI_AES128_TEST_BDK, 'bdk');
const BDK256 = hexToBytes(ANSI_AES256_TEST_BDK, 'bdk');
const KSN = AesKeySerialNumber.parse(ANSI_AES_TEST_INITIAL_KSN);

function transactionKey(bdk: Uint8Array, counter: number): Buffer {
  return deriveAesTransactionKey(deriveAesInitialKey(bdk, KSN), KSN.withCounter(counter));
}

function workingKey(bdk: Uint8Array, counter: number, usage: AesDukptKeyUsage, keyType?: 'aes128' | 'aes256'): string {
  return bytesToHex(deriveAesWorkingKey(transactionKey(bdk, counter), KSN.withCounter(counter), usage, keyType));
}

describe('AES DUKPT (ANSI X9.24-3-2017)', () => {
  it('derives the published initial keys from the sample BDKs, whatever the counter of the KSN', () => {
    expect(bytesToHex(deriveAesInitialKey(BDK128, KSN))).toBe('1273671EA26AC29AFA4D1084127652A1');
    expect(bytesToHex(deriveAesInitialKey(BDK128, KSN.withCounter(8)))).toBe('1273671EA26AC29AFA4D1084127652A1');
    expect(bytesToHex(deriveAesInitialKey(BDK256, KSN))).toBe('CE9CE0C101D1138F97FB6CAD4DF045A7083D4EAE2D35A31789D01CCF0949550F');
  });

  it.each([
    // Supplement, AES-128 BDK: first transactions, the 0x1FFFF rollover (skipping it) and the last four counters.
    [1, '4F21B565BAD9835E112B6465635EAE44'],
    [2, '2F34D68DE10F68D38091A73B9E7C437C'],
    [3, '031504E530365CF81264238540518318'],
    [4, '0EEFC7ADA628BA68878DA9165A8A1887'],
    [8, '718EE6CF0B27E53D5F7AF99C4D8146A2'],
    [0x1fffe, 'E21E8C8D347F8561A2BE752DAA85A111'],
    [0x20000, 'F7AE9025468A25D37B7249CFFED224C8'],
    [0x20001, '692C8EA4013645135B36497131DF9D2C'],
    [0xfffe2000, '48E585B694EB0B18D5C35443E163C0BA'],
    [0xfffe4000, '396C2C7CA1EA701C03B86B7D41F0C562'],
    [0xfffe8000, '0387625F189B58AE03EF0E8CCA41105E'],
    [0xffff0000, 'F6BA59389BD14A9855BE9727E7C52E3C'],
  ])('derives the published AES-128 transaction (intermediate derivation) key for counter %i', (counter, expected) => {
    expect(bytesToHex(transactionKey(BDK128, counter))).toBe(expected);
  });

  it.each([
    [1, '54AC2B32B145EA4A554CB8BC44B17467063A799856B1CCC2A138D36E8DBF78B3'],
    [2, '5DD5A0253842BBBE1D7C0DA27021412C6F1FAB53FB928DEAE56DA06090A9DE97'],
    [8, '20A796D5077D51B8E7613893A4F095B134E02917DC84BD391F3661D0873FF308'],
    [0x20000, 'D62DDA94A47D7DA5D763443B4ECB15EA8DD62E0E4F915958BA459591F8312E37'],
    [0xffff0000, '6D6DB7AAAE8B3EA90E57A39E4BBA71E173B21B446B30A78D64BFC6A8806C55EE'],
  ])('derives the published AES-256 transaction key for counter %i', (counter, expected) => {
    expect(bytesToHex(transactionKey(BDK256, counter))).toBe(expected);
  });

  it.each<[string, AesDukptKeyUsage, string]>([
    ['key encryption', AesDukptKeyUsage.keyEncryption, '36A724B7BEFA5A25F5E7B5782A4554A2'],
    ['PIN encryption', AesDukptKeyUsage.pinEncryption, 'AF8CB133A78F8DC2D1359F18527593FB'],
    ['MAC generation', AesDukptKeyUsage.macGeneration, 'A2DC23DE6FDE0824A2BC321E08E4B8B7'],
    ['MAC verification', AesDukptKeyUsage.macVerification, 'DBB463945B286C07CD3AD82EE96FD9C9'],
    ['MAC both ways', AesDukptKeyUsage.macBothWays, '85675439D18D7F1158BD8E3EAA3D502B'],
    ['data encryption, encrypt', AesDukptKeyUsage.dataEncryptionEncrypt, 'A35C412EFD41FDB98B69797C02DCD08F'],
    ['data encryption, decrypt', AesDukptKeyUsage.dataEncryptionDecrypt, '16292C6EA8F64C5420A0584BFBC577BE'],
    ['data encryption, both ways', AesDukptKeyUsage.dataEncryptionBothWays, 'A308E080DD15A1B741F1721BF67DE11C'],
    ['key derivation', AesDukptKeyUsage.keyDerivation, '30E54D3C69B22501A7FC43969D81D5C0'],
  ])('derives the published AES-128 %s working key for counter 1', (_usage, usage, expected) => {
    expect(workingKey(BDK128, 1, usage)).toBe(expected);
  });

  it.each([
    // counter, PIN encryption, MAC generation, data encryption (encrypt): supplement, AES-128 BDK.
    [2, 'D30BDC73EC9714B000BEC66BDB7B6D09', '484C3B06E8562704528CD5B46FB12FB6', 'D639514AA33AC43AD9229E433D6D4E5B'],
    [3, '7D69F01F3B45449F62C7816ECE723268', 'A5DF7D9D800CA769766F0C77CA4E6E6C', 'EF17F6AB45B4820C93A3DCB21BC491AD'],
    [8, '4D9DF3FBEE3448FC3E676D04320A90F5', '6FD572E5D59E618875F193484F9178FB', '650F34204ABD4E57764D61AC3D266FB1'],
    [0x1fffe, 'DDF7E08A84B5478C498D007C743BF762', '6D7623AD652734B8FAE1B6E093EACE3D', '8E4E5D5E0F01C54F01F4ACA1C8F8EDCE'],
    [0x20000, 'AB828BE7B58C7EC5D5ED0D5D320A0C9D', '0B59D3D7D93028D97135FB895CACE24E', '13361208975755318FE7AE28C9616014'],
  ])('derives the published AES-128 working keys for counter %i', (counter, pin, mac, data) => {
    expect(workingKey(BDK128, counter, AesDukptKeyUsage.pinEncryption)).toBe(pin);
    expect(workingKey(BDK128, counter, AesDukptKeyUsage.macGeneration)).toBe(mac);
    expect(workingKey(BDK128, counter, AesDukptKeyUsage.dataEncryptionEncrypt)).toBe(data);
  });

  it('derives the published AES-256 working keys for counter 1, and AES-128 ones from the AES-256 BDK', () => {
    expect(workingKey(BDK256, 1, AesDukptKeyUsage.pinEncryption)).toBe('8C1AB7BEE973829E30242E0BBBDD4946D540C98FC1B5BDCF94790001A23FD502');
    expect(workingKey(BDK256, 1, AesDukptKeyUsage.macGeneration)).toBe('61DABDF4B340CF461EE860B1D1AB55357142BD2D6977306859CF49AEFE8F1549');
    expect(workingKey(BDK256, 1, AesDukptKeyUsage.dataEncryptionEncrypt)).toBe('71EB36C9A6B7F801D1D1700C29741FC5A5C4E9B45D742DA7AF6992B8AA29AF58');
    expect(workingKey(BDK256, 1, AesDukptKeyUsage.pinEncryption, 'aes128')).toBe('09C9C432966811D6B2C3336BAC1B1202');
    expect(workingKey(BDK256, 1, AesDukptKeyUsage.macGeneration, 'aes128')).toBe('F04A1FABD4176E15490CEC82E217A96D');
  });

  it('refuses counter 0, a counter with more than 16 one-bits, wrong key sizes and a working key longer than its source', () => {
    const initialKey = deriveAesInitialKey(BDK128, KSN);
    expect(() => deriveAesTransactionKey(initialKey, KSN)).toThrow('ksn: counter 0 is the initial key itself; transactions start at counter 1');
    // 0x1FFFF is in the supplement's table, but with 17 one-bits no device ever uses it.
    expect(() => deriveAesTransactionKey(initialKey, KSN.withCounter(0x1ffff))).toThrow('ksn: counter has more than 16 one-bits, no X9.24-3 device uses it');
    expect(() => deriveAesInitialKey(BDK128.subarray(0, 8), KSN)).toThrow('bdk: must be an AES-128 or AES-256 key (16 or 32 bytes), has 8 bytes');
    expect(() => deriveAesWorkingKey(transactionKey(BDK128, 1), KSN.withCounter(1), AesDukptKeyUsage.pinEncryption, 'aes256')).toThrow(
      'keyType: a working key cannot be longer than the key it is derived from',
    );
  });
});
