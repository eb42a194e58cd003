package simarea

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ErrNoLibreOffice: soffice is not installed (.ci/run installs it).
var ErrNoLibreOffice = errors.New("LibreOffice (soffice) not installed")

// LibreOfficePDF turns a file (a Word file, a text file: name's extension says
// which) into a PDF as schools make theirs, with LibreOffice in dir (its own
// profile there, so runs in parallel do not share one).
func LibreOfficePDF(dir, name string, body []byte) ([]byte, error) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		return nil, ErrNoLibreOffice
	}
	src := filepath.Join(dir, name)
	if err := os.WriteFile(src, body, 0o644); err != nil {
		return nil, err
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("soffice: %v\n%s", err, out)
	}
	return os.ReadFile(filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name))+".pdf"))
}
