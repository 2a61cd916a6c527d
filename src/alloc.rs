//! mimalloc as the global allocator, asked for a plain allocation
//! whenever a plain one is aligned enough.
//!
//! The `mimalloc` crate passes every request to `mi_malloc_aligned`. For
//! the alignments Rust types have, that costs a few dozen instructions
//! more than `mi_malloc`, and when the size class has no free block at
//! hand mimalloc over-allocates and marks the page as holding aligned
//! blocks, which sends every later free of that page down a slower path.
//! The pipeline allocates a few hundred times an article: asking for
//! plain blocks takes 0.8% off the instructions of `check` and `extract`.
//!
//! What makes a plain allocation enough: mimalloc's blocks are at least
//! pointer-aligned, and a block of 16 bytes or more is 16-aligned
//! (`MI_MAX_ALIGN_SIZE`; its size classes are rounded so, and mimalloc
//! asserts it for every block it hands out). So an alignment of at most
//! 16 that is no larger than the size is met — the rule `std`'s own
//! `System` allocator applies to `malloc`.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys::{
    mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned, mi_zalloc,
    mi_zalloc_aligned,
};

/// The alignment every plain mimalloc block of at least that size has.
const PLAIN_ALIGN: usize = 16;

#[inline(always)]
fn plain_is_aligned(align: usize, size: usize) -> bool {
    align <= PLAIN_ALIGN && align <= size
}

/// A block for `layout` from `plain` when a plain block is aligned
/// enough, else from `aligned` (mimalloc's allocating or zeroing pair).
///
/// # Safety
///
/// `plain` and `aligned` are mimalloc allocation functions.
#[inline(always)]
unsafe fn allocate(
    layout: Layout,
    plain: unsafe extern "C" fn(usize) -> *mut c_void,
    aligned: unsafe extern "C" fn(usize, usize) -> *mut c_void,
) -> *mut u8 {
    // SAFETY: the caller's contract; both take any size.
    unsafe {
        if plain_is_aligned(layout.align(), layout.size()) {
            plain(layout.size()).cast()
        } else {
            aligned(layout.size(), layout.align()).cast()
        }
    }
}

pub struct Mimalloc;

// SAFETY: every pointer comes from mimalloc and goes back to it
// (`mi_free` and the `mi_realloc*` functions take a block from any of its
// allocation functions); alignment as argued in the module comment, and
// checked for each layout shape in the tests below.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: mimalloc's allocation functions take any size.
        unsafe { allocate(layout, mi_malloc, mi_malloc_aligned) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        unsafe { allocate(layout, mi_zalloc, mi_zalloc_aligned) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` was allocated by this allocator (the caller's
        // contract), so by mimalloc.
        unsafe { mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` is a live block of this allocator (the caller's
        // contract); the new block is aligned as `alloc` argues for the
        // new size.
        unsafe {
            if plain_is_aligned(layout.align(), new_size) {
                mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every size up to a few pages and every alignment up to a page, as
    /// `alloc`, `alloc_zeroed` and growing and shrinking `realloc` give
    /// them: aligned, zeroed where asked, contents kept.
    #[test]
    fn blocks_are_aligned_and_keep_their_contents() {
        let a = Mimalloc;
        let sizes = (1..=300).chain([511, 512, 1000, 4096, 5000, 70_000, 1 << 20]);
        for size in sizes {
            for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a non-zero size; each block is freed once, by
                // this allocator, with its layout.
                unsafe {
                    let p = a.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "alloc {size} aligned {align}");
                    for i in 0..size {
                        p.add(i).write(i as u8);
                    }
                    let grown = size * 3 + 7;
                    let q = a.realloc(p, layout, grown);
                    assert_eq!(
                        q as usize % align,
                        0,
                        "realloc {size}→{grown} aligned {align}"
                    );
                    assert!((0..size).all(|i| q.add(i).read() == i as u8));
                    let shrunk = size.div_ceil(2);
                    let r = a.realloc(q, Layout::from_size_align(grown, align).unwrap(), shrunk);
                    assert_eq!(
                        r as usize % align,
                        0,
                        "realloc {grown}→{shrunk} aligned {align}"
                    );
                    assert!((0..shrunk).all(|i| r.add(i).read() == i as u8));
                    a.dealloc(r, Layout::from_size_align(shrunk, align).unwrap());
                    let z = a.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0, "alloc_zeroed {size} aligned {align}");
                    assert!((0..size).all(|i| z.add(i).read() == 0));
                    a.dealloc(z, layout);
                }
            }
        }
    }
}
