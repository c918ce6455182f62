//! Work made side by side on the machine's cores: the two halves of a national plan's
//! insatser resolved into the ledger, the views of `report` and the files of `export` (each a
//! pass over the same ledger, which no view changes), each result in its item's order.

use std::sync::atomic::{AtomicUsize, Ordering};

/// At most this many threads at once: each of a few views or files gets one of its own, a
/// folder of many files (a letter per recipient) shares them.
const MOST_THREADS: usize = 8;

/// `make` applied to every item, side by side on at most [`MOST_THREADS`] threads (each
/// takes the next item when it is done with one), the results in the items' order. One item
/// is made on the calling thread.
pub fn map<T: Sync, R: Send>(items: &[T], make: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if items.len() < 2 {
        return items.iter().map(&make).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut made = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return made;
            };
            made.push((i, make(item)));
        }
    };
    let mut made: Vec<(usize, R)> = std::thread::scope(|scope| {
        let threads: Vec<_> = (0..items.len().min(MOST_THREADS))
            .map(|_| scope.spawn(work))
            .collect();
        threads
            .into_iter()
            .flat_map(|thread| match thread.join() {
                Ok(made) => made,
                // A part that panicked is a bug; the panic goes on as it came.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    made.sort_unstable_by_key(|(i, _)| *i);
    made.into_iter().map(|(_, result)| result).collect()
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

    #[test]
    fn many_items_share_a_few_threads() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let (running, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let items: Vec<u64> = (0..100).collect();
        let doubled = super::map(&items, |n| {
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_millis(2));
            running.fetch_sub(1, Ordering::SeqCst);
            n * 2
        });
        assert_eq!(doubled, (0..100).map(|n| n * 2).collect::<Vec<_>>());
        let most = most.load(Ordering::SeqCst);
        assert!((2..=super::MOST_THREADS).contains(&most), "{most} at once");
    }
}
