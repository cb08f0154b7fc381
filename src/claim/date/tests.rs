use super::*;

#[test]
fn print_seeds() {
    for e in std::fs::read_dir("seeds").unwrap() {
        let p = e.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        println!("== {}", p.display());
        for d in find_dates(&text, jiff::civil::Date::new(2026, 1, 9).ok()) {
            println!(
                "{:?} {:?} {:?} {:?} rel={}",
                d.span.slice(&text),
                d.start,
                d.end,
                d.granularity,
                d.relative
            );
        }
    }
}
