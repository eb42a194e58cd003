package documents

import "flag"

// The golden files live in grading/ (TestGolden); this package takes -update
// too, so that "go test ./... -update" runs here rather than failing on an
// unknown flag.
var _ = flag.Bool("update", false, "rewrite golden files (grading/testdata/golden)")
