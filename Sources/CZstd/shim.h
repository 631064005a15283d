// The system's zstd (Debian: libzstd-dev), used by the cache to store stage outputs compressed.
#include <zstd.h>
