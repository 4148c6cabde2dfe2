import { accessOfMethod, AREAS, permits, ROLES } from './roles';

describe('permission table', () => {
  it('lets an admin do everything but write the audit log', () => {
    for (const area of AREAS) expect(permits('admin', area, 'read')).toBe(true);
    expect(AREAS.filter((area) => !permits('admin', area, 'write'))).toEqual(['journal', 'audit']);
  });

  it('lets an auditor read everything, the audit log included, and change nothing', () => {
    for (const area of AREAS) {
      expect(permits('auditor', area, 'read')).toBe(true);
      expect(permits('auditor', area, 'write')).toBe(false);
    }
  });

  it('gives support the journal and terminals to read and the reversals to retry, nothing of money or operators', () => {
    expect(permits('support', 'journal', 'read')).toBe(true);
    expect(permits('support', 'terminals', 'write')).toBe(false);
    expect(permits('support', 'reversals', 'write')).toBe(true);
    expect(permits('support', 'settlement', 'read')).toBe(false);
    expect(permits('support', 'operators', 'read')).toBe(false);
  });

  it('keeps risk to antifraud, finance to settlement and agents money', () => {
    expect(permits('risk', 'antifraud', 'write')).toBe(true);
    expect(permits('risk', 'settlement', 'read')).toBe(false);
    expect(permits('finance', 'settlement', 'write')).toBe(true);
    expect(permits('finance', 'agents', 'write')).toBe(true);
    expect(permits('finance', 'antifraud', 'read')).toBe(false);
  });

  it('lets only admins manage operators and only admins and auditors read the audit log', () => {
    expect(ROLES.filter((role) => permits(role, 'operators', 'write'))).toEqual(['admin']);
    expect(ROLES.filter((role) => permits(role, 'audit', 'read'))).toEqual(['admin', 'auditor']);
  });

  it('reads on GET and HEAD, writes on every other method', () => {
    expect(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'].map(accessOfMethod)).toEqual(['read', 'read', 'write', 'write', 'write', 'write']);
  });
});
