//! The JSON renderer: the versioned schema documented at [`super::SCHEMA_VERSION`].

use super::Report;

/// Renders the report as pretty-printed JSON with a final newline.
pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("report serializes");
    s.push('\n');
    s
}

/// Writes what [`render`] returns to `out`, without building it in memory first (a report on a
/// large corpus runs to hundreds of megabytes).
pub fn write<W: std::io::Write>(report: &Report, mut out: W) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut out, report).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    #[test]
    fn snapshot() {
        insta::assert_snapshot!(super::render(&super::super::sample::report()));
    }

    #[test]
    fn write_is_render() {
        let report = super::super::sample::report();
        let mut out = Vec::new();
        super::write(&report, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), super::render(&report));
    }
}
