import lockfile from 'proper-lockfile';

export class DataDirInUseError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The data directory ${dataDir} is in use by another CO2 Calculator process. ` +
        'Stop that process, or point DATA_DIR elsewhere.',
    );
    this.name = 'DataDirInUseError';
  }
}

/**
 * PGlite has no postmaster to keep two processes off the same files, and two writers would
 * corrupt them: hold an exclusive lock on the directory for as long as the database is open.
 * The lock is refreshed while held, so a crashed process's lock goes stale and is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, { lockfilePath: `${dataDir}/.lock`, stale: 10_000 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirInUseError(dataDir);
    throw error;
  }
}
