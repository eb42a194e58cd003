package reports

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// Every file sendscope writes for a user (export tables, workbooks) is first
// written under a temporary name in the same folder, synced to disk, and then
// renamed over the final name: a reader, or a process killed part-way, never
// finds a half-written file under a name that looks whole. The temporary name
// is hidden and says whose it is: ".<final name>.sendscope-tmp-<pid><ext>";
// a later export into the folder removes those whose process is gone.
const tmpMarker = ".sendscope-tmp-"

// tempName is where path is written before it is complete. The extension is
// kept at the end (excelize and DuckDB choose a format by it).
func tempName(path string) string {
	dir, base := filepath.Split(path)
	ext := filepath.Ext(base)
	return filepath.Join(dir, "."+strings.TrimSuffix(base, ext)+tmpMarker+strconv.Itoa(os.Getpid())+ext)
}

// writeAtomic writes path through fill, which gets the open temporary file.
func writeAtomic(path string, fill func(f *os.File) error) error {
	tmp := tempName(path)
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := fill(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	return commitFile(f, tmp, path)
}

// fileMode is the mode of every file written for a user, whatever the umask:
// readable by all, as a spreadsheet or dataset is meant to be shared.
const fileMode = 0o644

// commitFile syncs and closes f (written at tmp) and renames it to path.
func commitFile(f *os.File, tmp, path string) error {
	err := f.Chmod(fileMode)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// renameWritten moves a file written by someone else (DuckDB) at tmp to path,
// synced first.
func renameWritten(tmp, path string) error {
	f, err := os.OpenFile(tmp, os.O_RDWR, 0)
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return commitFile(f, tmp, path)
}

// renameWrittenDir moves a folder written by someone else (DuckDB's partitioned
// Parquet) at tmp to path, each file synced and given fileMode first (folders
// 0755). A folder
// an earlier export left at path is moved aside and removed once the new one is
// in place, so a reader finds the old dataset or the new, never a mixture.
func renameWrittenDir(tmp, path string) error {
	fail := func(err error) error {
		os.RemoveAll(tmp)
		return err
	}
	err := filepath.WalkDir(tmp, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		mode := os.FileMode(fileMode)
		if d.IsDir() {
			mode = 0o755 // the folders of a partitioned table, as readable as their files
		}
		if err := f.Chmod(mode); err != nil {
			return err
		}
		return f.Sync()
	})
	if err != nil {
		return fail(err)
	}
	old := ""
	if st, err := os.Lstat(path); err == nil {
		if !st.IsDir() {
			return fail(fmt.Errorf("a file of that name is in the way: move it, or export into another folder"))
		}
		old = tmp + ".old" // a temporary name too: removed by the next export if we die here
		if err := os.Rename(path, old); err != nil {
			return fail(err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		if old != "" {
			os.Rename(old, path)
		}
		return fail(err)
	}
	syncDir(filepath.Dir(path))
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// syncDir makes a rename in dir durable (best effort: not every system can).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// removeStaleTemps deletes the temporary files that a killed sendscope left in
// dir: ours by name, of a process that no longer runs. It returns how many.
func removeStaleTemps(dir string) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		i := strings.Index(name, tmpMarker)
		if !strings.HasPrefix(name, ".") || i < 0 {
			continue
		}
		digits := name[i+len(tmpMarker):]
		if j := strings.IndexByte(digits, '.'); j >= 0 {
			digits = digits[:j]
		}
		pid, err := strconv.Atoi(digits)
		if err != nil || processAlive(pid) {
			continue
		}
		if os.RemoveAll(filepath.Join(dir, name)) == nil { // a partitioned table is a folder
			n++
		}
	}
	return n
}

// processAlive says whether a process of that id runs (signal 0 checks only).
func processAlive(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || err == syscall.EPERM
}
