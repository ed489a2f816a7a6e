import { RegisteredSuppliers } from './registered-suppliers';

describe('the suppliers with a webhook, read at most once a second', () => {
  let reads = 0;
  let failNext = false;
  let now = 0;
  const registrations = {
    suppliers: async () => {
      reads += 1;
      if (failNext) {
        failNext = false;
        throw new Error('database away');
      }
      return [{ supplierId: `s${reads}`, registeredAt: new Date(0) }];
    },
  };

  beforeEach(() => {
    reads = 0;
    now = 0;
  });

  it('reuses a read for a second, then reads again', async () => {
    const suppliers = new RegisteredSuppliers(registrations, 1000, () => now);
    expect(await suppliers.list()).toEqual([{ supplierId: 's1', registeredAt: new Date(0) }]);
    now = 999;
    expect((await suppliers.list())[0].supplierId).toBe('s1');
    now = 1000;
    expect((await suppliers.list())[0].supplierId).toBe('s2');
    expect(reads).toBe(2);
  });

  it('never keeps a failed read', async () => {
    const suppliers = new RegisteredSuppliers(registrations, 1000, () => now);
    failNext = true;
    await expect(suppliers.list()).rejects.toThrow('database away');
    expect((await suppliers.list())[0].supplierId).toBe('s2');
  });
});
