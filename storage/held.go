package storage

import (
	"os"
	"sync"
	"syscall"
)

// SQLite's locks on a POSIX system belong to the process, and closing ANY
// file descriptor on the database file drops every lock the process holds
// on it (SQLite's "How To Corrupt An SQLite Database File", section 2.2).
// Open checks a file's header and write permission with plain file calls
// before SQLite touches it; done while another Store of this process holds
// the same file, those calls would silently drop that store's locks, and
// the next process to close the file could checkpoint and delete the -wal
// under it. So the process remembers which files its stores hold, and a
// second Open of a held file skips the plain-file checks: the first Open
// made them, and SQLite itself shares its descriptors between connections
// of one process.

type fileKey struct{ dev, ino uint64 }

var held = struct {
	sync.Mutex
	n map[fileKey]int
}{n: map[fileKey]int{}}

func keyOf(path string) (fileKey, bool) {
	fi, err := os.Stat(path)
	if err != nil {
		return fileKey{}, false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileKey{}, false
	}
	return fileKey{uint64(st.Dev), uint64(st.Ino)}, true
}

// heldHere reports whether a store of this process has the file open.
func heldHere(path string) bool {
	k, ok := keyOf(path)
	if !ok {
		return false
	}
	held.Lock()
	defer held.Unlock()
	return held.n[k] > 0
}

// hold records that a store has the file open and returns the function
// that forgets it again, for Close.
func hold(path string) func() {
	k, ok := keyOf(path)
	if !ok {
		return func() {}
	}
	held.Lock()
	held.n[k]++
	held.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			held.Lock()
			if held.n[k]--; held.n[k] <= 0 {
				delete(held.n, k)
			}
			held.Unlock()
		})
	}
}
