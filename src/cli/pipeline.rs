//! An ordered, bounded map over a stream: items are read on the calling
//! thread, worked on by a thread pool as soon as they are read, and handed
//! to a sink in the order they were read.
//!
//! This replaces batches with a barrier (read a batch, work on it, write
//! it, read the next): with batches, the readers and writers wait for the
//! slowest item of each batch and the workers wait for the reading and the
//! writing. Here reading, working and writing overlap, and a slow item holds
//! up only the writing of the items after it.
//!
//! Memory is bounded by a window: at most `window.items` items (and, past
//! the first, `window.bytes` of their input) are read and not yet written,
//! whatever the length of the stream.

use std::collections::VecDeque;
use std::sync::mpsc;

/// How much may be read ahead of the writing.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    /// Items read and not yet written, at most (at least one is always
    /// allowed).
    pub items: usize,
    /// Their input bytes, at most, once one item is in flight.
    pub bytes: usize,
}

impl Window {
    /// A window that keeps `threads` workers busy: a few items each, and
    /// no more than 64 MiB of input read ahead.
    pub fn for_threads(threads: usize) -> Self {
        Window {
            items: 8 * threads.max(1),
            bytes: 64 << 20,
        }
    }
}

/// What the sink says after an item: go on, or stop reading (the reader of
/// the output has gone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Stop,
}

/// Reads items with `next` (`Ok(None)` at the end of the stream; each item
/// with its size in bytes), maps each with `work` on `pool`, and hands the
/// results to `sink` in the order the items were read. Stops at the first
/// error of `next` or `sink` (after the items in flight are done), or when
/// `sink` says [`Flow::Stop`].
pub fn ordered<I, O, E>(
    pool: &rayon::ThreadPool,
    window: Window,
    mut next: impl FnMut() -> Result<Option<(I, usize)>, E>,
    work: impl Fn(I) -> O + Sync,
    mut sink: impl FnMut(O) -> Result<Flow, E>,
) -> Result<(), E>
where
    I: Send,
    O: Send,
{
    let (tx, rx) = mpsc::channel::<(usize, O)>();
    let work = &work;
    pool.in_place_scope(|scope| {
        // Results that came early, by their distance from `written`.
        let mut early: VecDeque<Option<O>> = VecDeque::new();
        // Sizes of the items in flight, in reading order.
        let mut sizes: VecDeque<usize> = VecDeque::new();
        let (mut read, mut written, mut bytes) = (0usize, 0usize, 0usize);
        let mut end = false;
        loop {
            // Read while the window has room.
            while !end
                && sizes.len() < window.items.max(1)
                && (sizes.is_empty() || bytes < window.bytes)
            {
                match next() {
                    Ok(Some((item, size))) => {
                        let tx = tx.clone();
                        let seq = read;
                        scope.spawn(move |_| {
                            // (The receiver outlives the scope: a send
                            // cannot fail while it waits.)
                            let _ = tx.send((seq, work(item)));
                        });
                        read += 1;
                        sizes.push_back(size);
                        bytes += size;
                    }
                    Ok(None) => end = true,
                    Err(e) => return Err(e),
                }
            }
            if sizes.is_empty() {
                return Ok(());
            }
            // Wait for a result, then write every result now in order.
            let (seq, out) = rx.recv().expect("a worker sends each result");
            let k = seq - written;
            if early.len() <= k {
                early.resize_with(k + 1, || None);
            }
            early[k] = Some(out);
            while let Some(Some(_)) = early.front() {
                let out = early.pop_front().flatten().expect("the front is a result");
                written += 1;
                bytes -= sizes.pop_front().expect("an item in flight");
                if sink(out)? == Flow::Stop {
                    return Ok(());
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(n: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .unwrap()
    }

    /// Items of uneven cost come out in order, every one once.
    #[test]
    fn results_come_in_reading_order() {
        for threads in [1, 2, 4] {
            for items in [1, 2, 3, 100] {
                let mut n = 0;
                let mut got = Vec::new();
                ordered::<usize, usize, ()>(
                    &pool(threads),
                    Window {
                        items: 3,
                        bytes: 10,
                    },
                    || {
                        n += 1;
                        Ok((n <= 300).then_some((n, n % 7)))
                    },
                    |i| {
                        // Later items often finish first.
                        std::thread::sleep(std::time::Duration::from_micros(
                            ((i * 37) % 11) as u64 * 50,
                        ));
                        i * 2
                    },
                    |o| {
                        got.push(o);
                        Ok(if got.len() == items {
                            Flow::Stop
                        } else {
                            Flow::Continue
                        })
                    },
                )
                .unwrap();
                let want: Vec<usize> = (1..=items).map(|i| i * 2).collect();
                assert_eq!(got, want, "{threads} threads, {items} items");
            }
        }
    }

    /// The whole stream is read and written when the sink never stops.
    #[test]
    fn the_whole_stream_is_written() {
        let mut n = 0;
        let mut got = Vec::new();
        ordered::<usize, usize, ()>(
            &pool(2),
            Window::for_threads(2),
            || {
                n += 1;
                Ok((n <= 1000).then_some((n, 1)))
            },
            |i| i + 1,
            |o| {
                got.push(o);
                Ok(Flow::Continue)
            },
        )
        .unwrap();
        assert_eq!(got, (2..=1001).collect::<Vec<_>>());
    }

    /// No more than the window is read ahead of the writing.
    #[test]
    fn reading_stays_within_the_window() {
        use std::cell::Cell;
        for (items, bytes, size) in [(4, usize::MAX, 1), (100, 10, 4), (100, 1, 50)] {
            let read = Cell::new(0usize);
            let written = Cell::new(0usize);
            let most = Cell::new(0usize);
            ordered::<usize, usize, ()>(
                &pool(2),
                Window { items, bytes },
                || {
                    read.set(read.get() + 1);
                    most.set(most.get().max(read.get() - written.get()));
                    Ok((read.get() <= 200).then_some((read.get(), size)))
                },
                |i| i,
                |_| {
                    written.set(written.get() + 1);
                    Ok(Flow::Continue)
                },
            )
            .unwrap();
            assert_eq!(written.get(), 200);
            // In flight, counting the item being read: what the items and
            // the bytes allow, one item at least.
            let allowed = items.min(bytes.div_ceil(size).max(1));
            assert!(most.get() <= allowed, "{} > {allowed}", most.get());
        }
    }

    /// An error from reading or from the sink ends the run with that error.
    #[test]
    fn errors_stop_the_run() {
        let mut n = 0;
        let r = ordered::<usize, usize, &str>(
            &pool(2),
            Window::for_threads(2),
            || {
                n += 1;
                if n == 50 {
                    Err("bad read")
                } else {
                    Ok(Some((n, 1)))
                }
            },
            |i| i,
            |_| Ok(Flow::Continue),
        );
        assert_eq!(r, Err("bad read"));
        let mut seen = 0;
        let mut m = 0;
        let r = ordered::<usize, usize, &str>(
            &pool(2),
            Window::for_threads(2),
            || {
                m += 1;
                Ok((m < 1000).then_some((m, 1)))
            },
            |i| i,
            |o| {
                seen += 1;
                if o == 10 {
                    Err("bad write")
                } else {
                    Ok(Flow::Continue)
                }
            },
        );
        assert_eq!((r, seen), (Err("bad write"), 10));
    }
}
