//! A seam for the end-to-end tests, in debug builds only: while the file named by
//! `TAFEL_TEST_DISK_FULL` exists, every write of a journal record or a draft fails as if the
//! disk were full. Release builds compile it away.

use std::io;

pub fn disk_full() -> io::Result<()> {
    #[cfg(debug_assertions)]
    if let Some(flag) = std::env::var_os("TAFEL_TEST_DISK_FULL")
        && std::path::Path::new(&flag).exists()
    {
        return Err(io::Error::new(
            io::ErrorKind::StorageFull,
            "no space left on device (simulated)",
        ));
    }
    Ok(())
}
