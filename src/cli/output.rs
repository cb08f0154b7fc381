//! Where results go: standard output or a file, buffered, with broken pipes treated as success.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use crosscheck::{Error, ErrorKind, Result};

/// A buffered output stream. Write everything, then [`Output::finish`].
pub struct Output {
    inner: io::BufWriter<Box<dyn Write>>,
    terminal: bool,
}

impl Output {
    /// Standard output.
    pub fn stdout() -> Output {
        let stdout = io::stdout();
        let terminal = stdout.is_terminal();
        Output {
            inner: io::BufWriter::with_capacity(1 << 16, Box::new(stdout)),
            terminal,
        }
    }

    /// A file (created or truncated) or, for `None` or `-`, standard output.
    pub fn to(path: Option<&Path>) -> Result<Output> {
        match path {
            None => Ok(Output::stdout()),
            Some(p) if p.as_os_str() == "-" => Ok(Output::stdout()),
            Some(p) => {
                let file = std::fs::File::create(p).map_err(|e| Error::io(p, e))?;
                Ok(Output {
                    inner: io::BufWriter::with_capacity(1 << 16, Box::new(file)),
                    terminal: false,
                })
            }
        }
    }

    /// True when the output is a terminal (text format and colour by default).
    pub fn is_terminal(&self) -> bool {
        self.terminal
    }

    /// The writer.
    pub fn writer(&mut self) -> &mut impl Write {
        &mut self.inner
    }

    /// Flushes.
    pub fn finish(mut self) -> Result<()> {
        self.inner.flush().map_err(output_error)
    }
}

/// Wraps a write error.
pub fn output_error(source: io::Error) -> Error {
    Error::from(ErrorKind::Output { source })
}

/// True for a write error caused by the reader closing the pipe.
pub fn is_broken_pipe(err: &Error) -> bool {
    matches!(err.kind(), ErrorKind::Output { source } if source.kind() == io::ErrorKind::BrokenPipe)
}
