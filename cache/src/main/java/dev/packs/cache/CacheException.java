package dev.packs.cache;

/**
 * The root of every failure of the pack cache. Each subclass carries the facts a user needs: the URL,
 * path or zip entry, and what was wrong with it. The CLI maps the subclasses to exit codes.
 */
public abstract sealed class CacheException extends Exception
    permits DownloadException,
        OfflineException,
        PackNotFoundException,
        InvalidPackException,
        LockTimeoutException,
        CacheIoException,
        IndexUpdateException,
        DeviceDatabaseException,
        AlgorithmCacheException,
        ConfigException,
        InvalidPackIdException,
        MirrorException,
        BundleException {
  protected CacheException(String message, Throwable cause) {
    super(message, cause);
  }
}
