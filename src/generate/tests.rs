use super::*;

fn corpus(docs: usize, seed: u64) -> Vec<Record> {
    Generator::new(Config {
        docs,
        seed,
        dup_rate: 0.3,
    })
    .expect("valid")
    .collect()
}

#[test]
fn sample_article() {
    let docs = corpus(40, 3);
    let base = docs.iter().find(|d| d.base.is_none()).unwrap();
    println!(
        "{}\n{} | {}\n\n{}\n",
        base.title, base.source, base.published, base.text
    );
    let copy = docs.iter().find(|d| d.base.is_some()).unwrap();
    println!("{}\n{}\n{:?}", copy.title, copy.text, copy.edits);
}
