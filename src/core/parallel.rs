//! Work made side by side on the machine's cores: the two halves of a national plan's
//! insatser resolved into the ledger, the views of `report` and the files of `export` (each a
//! pass over the same ledger, which no view changes), each result in its item's order.

/// `make` applied to every item, each on a thread of its own, the results in the items'
/// order. One item is made on the calling thread.
pub fn map<T: Sync, R: Send>(items: &[T], make: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if items.len() < 2 {
        return items.iter().map(&make).collect();
    }
    std::thread::scope(|scope| {
        let make = &make;
        let made: Vec<_> = items
            .iter()
            .map(|item| scope.spawn(move || make(item)))
            .collect();
        made.into_iter()
            .map(|thread| match thread.join() {
                Ok(result) => result,
                // A view that panicked is a bug; the panic goes on as it came.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_in_the_items_order() {
        let items: Vec<u64> = (1..=6).collect();
        let squares = super::map(&items, |n| {
            std::thread::sleep(std::time::Duration::from_millis(10 * (7 - n)));
            n * n
        });
        assert_eq!(squares, [1, 4, 9, 16, 25, 36]);
    }
}
