//! Work made side by side on the machine's cores: the two halves of a national plan's
//! insatser resolved into the ledger and the files of `export` ([`map`]), the views of
//! `report` ([`write_in_order`]), the invoices and the parts of the JSON export
//! ([`write_in_turn`], in [`runs`] of about as many lines), each a pass over the same ledger,
//! which none of them changes; each result, or text, in its item's order.

use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Condvar, Mutex};

/// How many threads work at once: one per core, at least two and at most eight; the items
/// (a few views or files, or a folder of letters) share them. More threads than cores only
/// slow the item being written (`report`'s first view) and hold more text made ahead: at
/// 10 000 insatser on two cores, eight threads took `report` 0.96 s and 338 MiB, two 0.89 s
/// and 279 MiB.
pub fn most_threads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8))
}

/// `make` applied to every item, side by side on at most [`most_threads`] threads (each
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
        let threads: Vec<_> = (0..items.len().min(most_threads()))
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

/// `a` and `b` made side by side: `a` on the calling thread, `b` on a thread of its own.
pub fn join<A, B: Send>(a: impl FnOnce() -> A, b: impl FnOnce() -> B + Send) -> (A, B) {
    std::thread::scope(|scope| {
        let b = scope.spawn(b);
        let a = a();
        match b.join() {
            Ok(b) => (a, b),
            // A part that panicked is a bug; the panic goes on as it came.
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// The places `0..weights.len()` cut into at most `parts` runs of neighbours of about the
/// same weight, for items to be made side by side in turn: each item belongs to the run its
/// first unit of weight falls in, every item is in exactly one run, in order, and only a list
/// without items gives an (its one) empty run.
pub fn runs(weights: &[usize], parts: usize) -> Vec<std::ops::Range<usize>> {
    let parts = parts.max(1);
    let all = weights.iter().sum::<usize>().max(1);
    let mut runs = Vec::with_capacity(parts);
    let (mut start, mut run, mut before) = (0, 0, 0usize);
    for (i, weight) in weights.iter().enumerate() {
        let this = (before.saturating_mul(parts) / all).min(parts - 1);
        if this != run {
            if i > start {
                runs.push(start..i);
            }
            (start, run) = (i, this);
        }
        before = before.saturating_add(*weight);
    }
    runs.push(start..weights.len());
    runs
}

/// The pieces in which [`write_in_order`] passes text on, and how many of them an item may
/// make ahead of the one being written (at most 40 MiB each). A piece is passed on once it
/// holds `PIECE` bytes, in a buffer with room for a quarter more, so that the writes which
/// fill it (a row, far less than that quarter) do not grow it, which would copy it, and a
/// piece is as large as the buffer of the `BufWriter` it goes to, which then passes it on
/// without copying it. A write longer than the room left sends the piece before it.
const PIECE: usize = 1 << 16;
const PIECE_ROOM: usize = PIECE + PIECE / 4;
const PIECES_AHEAD: usize = 512;

/// What `make` writes for each item, made side by side as [`map`] makes its results, written
/// to `out` in the items' order: the first item's text goes out as it is made, and each later
/// one is held only as far as it gets ahead (a national plan's invoices are hundreds of
/// megabytes of text). The first error, in the items' order, is returned; when `out` fails,
/// the items still being made stop at their next piece.
pub fn write_in_order<T: Sync>(
    items: &[T],
    make: impl Fn(&T, &mut dyn Write) -> io::Result<()> + Sync,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_in_turn(
        items,
        usize::MAX,
        || (),
        |(), item, out| make(item, out),
        out,
    )
}

/// [`write_in_order`] for many small items (a national plan's invoices, one per recipient):
/// an item is begun only when fewer than `ahead` items before it are still to be written, so
/// that the text held ahead is a few items' whatever the threads' speeds, and each thread
/// keeps its own `state` (made on it by `state`, never shared: a cache of what the items have
/// in common).
pub fn write_in_turn<T: Sync, S>(
    items: &[T],
    ahead: usize,
    state: impl Fn() -> S + Sync,
    make: impl Fn(&mut S, &T, &mut dyn Write) -> io::Result<()> + Sync,
    out: &mut dyn Write,
) -> io::Result<()> {
    if items.len() < 2 {
        let mut state = state();
        return items
            .iter()
            .try_for_each(|item| make(&mut state, item, out));
    }
    // Items begun ahead share the 40 MiB an item may hold ahead (a channel's room is made
    // when it is, for every item).
    let room = match ahead.checked_add(1) {
        Some(begun) if begun < items.len() => (PIECES_AHEAD / begun).max(1),
        _ => PIECES_AHEAD,
    };
    let (senders, receivers): (Vec<_>, Vec<_>) = items.iter().map(|_| sync_channel(room)).unzip();
    // Each maker takes its item's sender, so that a maker that panics drops it, and the
    // writing stops instead of waiting for its next piece.
    let pieces: Vec<(&T, Mutex<Option<SyncSender<Piece>>>)> = items
        .iter()
        .zip(senders)
        .map(|(item, to)| (item, Mutex::new(Some(to))))
        .collect();
    // Written pieces go back to the makers: fresh memory for every piece would cost a page
    // fault per 4 KiB written.
    let spare = Mutex::new(Vec::new());
    let turn = Turn::default();
    let next = AtomicUsize::new(0);
    let work = || {
        let mut state = state();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some((item, to)) = pieces.get(i) else {
                return;
            };
            turn.wait_for(i.saturating_sub(ahead));
            let Some(to) = to.lock().ok().and_then(|mut to| to.take()) else {
                continue;
            };
            let mut piecewise = Pieces {
                buffer: Vec::with_capacity(PIECE_ROOM),
                to: &to,
                spare: &spare,
            };
            let result = make(&mut state, item, &mut piecewise).and_then(|()| piecewise.send());
            // A receiver gone means `out` failed, which is the error told.
            let _ = to.send(Piece::Done(result));
        }
    };
    std::thread::scope(|scope| {
        let makers: Vec<_> = (0..items.len().min(most_threads()))
            .map(|_| scope.spawn(work))
            .collect();
        let written = written_in_order(receivers, out, &spare, &turn);
        // The makers waiting for their turn go on, to find that nothing more is written.
        turn.written(usize::MAX);
        for maker in makers {
            if let Err(panic) = maker.join() {
                // A part that panicked is a bug; the panic goes on as it came.
                std::panic::resume_unwind(panic);
            }
        }
        written
    })
}

/// How many items [`write_in_turn`] has written, for the makers to wait on.
#[derive(Default)]
struct Turn {
    written: Mutex<usize>,
    changed: Condvar,
}

impl Turn {
    /// Waits until `count` items are written.
    fn wait_for(&self, count: usize) {
        let Ok(mut written) = self.written.lock() else {
            return;
        };
        while *written < count {
            written = match self.changed.wait(written) {
                Ok(written) => written,
                Err(_) => return,
            };
        }
    }

    /// `count` items are written.
    fn written(&self, count: usize) {
        if let Ok(mut written) = self.written.lock() {
            *written = count;
        }
        self.changed.notify_all();
    }
}

enum Piece {
    Text(Vec<u8>),
    Done(io::Result<()>),
}

/// The pieces of each item in turn to `out`; dropping the receivers (on return) stops the
/// items still being made.
fn written_in_order(
    receivers: Vec<Receiver<Piece>>,
    out: &mut dyn Write,
    spare: &Mutex<Vec<Vec<u8>>>,
    turn: &Turn,
) -> io::Result<()> {
    for (i, receiver) in receivers.into_iter().enumerate() {
        loop {
            match receiver.recv() {
                Ok(Piece::Text(mut text)) => {
                    out.write_all(&text)?;
                    text.clear();
                    if let Ok(mut spare) = spare.lock()
                        && spare.len() < PIECES_AHEAD
                    {
                        spare.push(text);
                    }
                }
                Ok(Piece::Done(result)) => {
                    result?;
                    turn.written(i + 1);
                    break;
                }
                // The maker panicked; the caller passes the panic on.
                Err(_) => return Ok(()),
            }
        }
    }
    Ok(())
}

/// An item's text, passed on a piece at a time.
struct Pieces<'a> {
    buffer: Vec<u8>,
    to: &'a SyncSender<Piece>,
    /// Pieces written and given back.
    spare: &'a Mutex<Vec<Vec<u8>>>,
}

impl Pieces<'_> {
    fn send(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let next = self
            .spare
            .lock()
            .ok()
            .and_then(|mut spare| spare.pop())
            .unwrap_or_else(|| Vec::with_capacity(PIECE_ROOM));
        let text = std::mem::replace(&mut self.buffer, next);
        self.to
            .send(Piece::Text(text))
            .map_err(|_| io::Error::from(io::ErrorKind::BrokenPipe))
    }
}

impl Write for Pieces<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.buffer.len() + bytes.len() > self.buffer.capacity() {
            self.send()?;
        }
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= PIECE {
            self.send()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
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
        assert!(
            (2..=super::most_threads()).contains(&most),
            "{most} at once"
        );
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn runs_cover_every_item_once_in_order_with_about_equal_weights() {
        use super::runs;
        assert_eq!(runs(&[], 4), [0..0]);
        assert_eq!(runs(&[5], 4), [0..1]);
        assert_eq!(runs(&[1; 8], 4), [0..2, 2..4, 4..6, 6..8]);
        assert_eq!(runs(&[1; 8], 1), [0..8]);
        assert_eq!(runs(&[1; 8], 0), [0..8]);
        // A heavy item makes fewer runs: each item goes where its weight begins.
        assert_eq!(runs(&[1, 100, 1, 1], 4), [0..2, 2..4]);
        assert_eq!(runs(&[0, 0, 0], 3), [0..3]);
        assert_eq!(runs(&[3, 3, 3], 10), [0..1, 1..2, 2..3]);
        for parts in 1..12 {
            let weights: Vec<usize> = (0..50).map(|i| (i * 7919) % 13).collect();
            let cut = runs(&weights, parts);
            assert!(cut.len() <= parts && cut.iter().all(|r| !r.is_empty()));
            let places: Vec<usize> = cut.into_iter().flatten().collect();
            assert_eq!(places, (0..50).collect::<Vec<_>>());
        }
    }

    /// Text of `n` bytes for item `item`, written in small pieces.
    fn text(item: u8, n: usize, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        for chunk in vec![b'a' + item; n].chunks(1000) {
            out.write_all(chunk)?;
        }
        Ok(())
    }

    #[test]
    fn texts_are_written_whole_in_the_items_order() {
        let items: Vec<u8> = (0..5).collect();
        let mut out = Vec::new();
        super::write_in_order(
            &items,
            |&i, out| {
                // The later items are done first.
                std::thread::sleep(std::time::Duration::from_millis(5 * u64::from(5 - i)));
                text(i, 200_000 + usize::from(i), out)
            },
            &mut out,
        )
        .unwrap();
        let expected: Vec<u8> = items
            .iter()
            .flat_map(|&i| vec![b'a' + i; 200_000 + usize::from(i)])
            .collect();
        assert!(out == expected, "{} bytes", out.len());
    }

    #[test]
    fn the_first_error_in_order_is_told_after_the_text_before_it() {
        let items: Vec<u8> = (0..4).collect();
        let mut out = Vec::new();
        let result = super::write_in_order(
            &items,
            |&i, out| match i {
                1 | 3 => Err(std::io::Error::other(format!("item {i}"))),
                _ => text(i, 100_000, out),
            },
            &mut out,
        );
        assert_eq!(result.unwrap_err().to_string(), "item 1");
        assert!(out.starts_with(&[b'a'; 100_000]) && out.len() >= 100_000);
    }

    /// Takes a few bytes, then fails, as a full disk or a closed pipe does.
    struct Failing(usize);

    impl std::io::Write for Failing {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            if self.0 == 0 {
                return Err(std::io::Error::from(std::io::ErrorKind::StorageFull));
            }
            let n = bytes.len().min(self.0);
            self.0 -= n;
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failing_output_stops_the_items_still_being_made() {
        // Each item makes more than it may hold ahead, so a maker not stopped would wait for
        // ever.
        let items: Vec<u8> = (0..3).collect();
        let more = (super::PIECES_AHEAD + 10) * super::PIECE;
        let result = super::write_in_order(&items, |&i, out| text(i, more, out), &mut Failing(10));
        assert_eq!(result.unwrap_err().kind(), std::io::ErrorKind::StorageFull);
    }

    #[test]
    fn items_in_turn_are_written_in_order_and_begun_only_a_few_ahead() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let items: Vec<u8> = (0..40).collect();
        // How far past the bytes written (each item's are 30 000) an item was begun.
        let written = std::sync::Mutex::new(0usize);
        let (most, states) = (AtomicUsize::new(0), AtomicUsize::new(0));
        struct Counting<'a>(Vec<u8>, &'a std::sync::Mutex<usize>);
        impl std::io::Write for Counting<'_> {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                *self.1.lock().unwrap() += bytes.len();
                self.0.extend_from_slice(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut out = Counting(Vec::new(), &written);
        super::write_in_turn(
            &items,
            3,
            || {
                states.fetch_add(1, Ordering::SeqCst);
                Vec::new()
            },
            |seen: &mut Vec<u8>, &i, out| {
                let done = *written.lock().unwrap() / 30_000;
                most.fetch_max(usize::from(i) - done, Ordering::SeqCst);
                // Each thread's own state: the items it made, in the order it took them.
                assert!(seen.last().is_none_or(|&last| last < i));
                seen.push(i);
                std::thread::sleep(std::time::Duration::from_millis(u64::from(i % 3)));
                text(i, 30_000, out)
            },
            &mut out,
        )
        .unwrap();
        let expected: Vec<u8> = items.iter().flat_map(|&i| vec![b'a' + i; 30_000]).collect();
        assert!(out.0 == expected, "{} bytes", out.0.len());
        // The item being written and three more at most.
        assert!(most.load(Ordering::SeqCst) <= 3, "{most:?}");
        assert!((1..=super::most_threads()).contains(&states.load(Ordering::SeqCst)));
    }

    #[test]
    fn a_failing_output_stops_the_items_waiting_for_their_turn() {
        let items: Vec<u8> = (0..20).collect();
        let result = super::write_in_turn(
            &items,
            1,
            || (),
            |(), &i, out| text(i, 3 * super::PIECE, out),
            &mut Failing(10),
        );
        assert_eq!(result.unwrap_err().kind(), std::io::ErrorKind::StorageFull);
    }

    #[test]
    #[should_panic(expected = "a bug")]
    fn a_maker_that_panics_passes_the_panic_on_without_hanging() {
        let items: Vec<u8> = (0..3).collect();
        let more = (super::PIECES_AHEAD + 10) * super::PIECE;
        let _ = super::write_in_order(
            &items,
            |&i, out| {
                if i == 0 {
                    panic!("a bug");
                }
                text(i, more, out)
            },
            &mut Vec::new(),
        );
    }

    #[test]
    #[should_panic(expected = "a bug")]
    fn a_maker_that_panics_in_turn_passes_the_panic_on_without_hanging() {
        let items: Vec<u8> = (0..20).collect();
        let _ = super::write_in_turn(
            &items,
            1,
            || (),
            |(), &i, out| {
                if i == 2 {
                    panic!("a bug");
                }
                text(i, 3 * super::PIECE, out)
            },
            &mut Vec::new(),
        );
    }
}
