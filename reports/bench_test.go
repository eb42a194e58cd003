package reports

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sendscope/sendscope/queries"
)

// BenchmarkXLSXExportMillion exports a store of 1,000,000 facts (and the rest) to
// the xlsx research export and reports time and peak heap. Run under
// /usr/bin/time -v for the process's peak memory:
//
//	go test ./reports -run '^$' -bench XLSXExportMillion -benchtime 1x
func BenchmarkXLSXExportMillion(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "m.duckdb")
	if keep := os.Getenv("SENDSCOPE_BENCH_KEEP_STORE"); keep != "" {
		path = keep // to time `sendscope export` on the same store from a fresh process
	}
	store, err := queries.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	_, err = store.DB().Exec(`
INSERT INTO crawl_runs (run_id, academic_year, started_at, status) VALUES (1, '2025/26', now(), 'done');
INSERT INTO documents (doc_id, run_id, urn, academic_year, url, final_url, format, doc_type, sha256, fetched_at, extractor_version, extracted_at)
SELECT i, 1, 100000 + i, '2025/26', 'https://school' || i || '.example/send/', 'https://school' || i || '.example/send/', 'html',
       'sen_information_report', md5(i::VARCHAR), now(), 't', now() FROM range(1000) t(i);
INSERT INTO facts SELECT i // 1000, 'need.type', 'ASD', NULL, 'We support pupils with autism and ' || md5(i::VARCHAR), 0, 60, 0.8, 't'
FROM range(1000000) t(i);`)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("after building the store: %s", vmHWM())
	if lim := os.Getenv("SENDSCOPE_BENCH_MEMORY_LIMIT"); lim != "" {
		if _, err := store.DB().Exec(`SET memory_limit = '` + lim + `'`); err != nil {
			b.Fatal(err)
		}
	}
	var peak atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
				runtime.ReadMemStats(&m)
				if m.HeapInuse > peak.Load() {
					peak.Store(m.HeapInuse)
				}
			}
		}
	}()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Export(ctx, store, ExportOptions{Dir: b.TempDir(), Format: "xlsx", IncludePersonal: true})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Rows["facts"]), "facts-rows")
	}
	close(stop)
	b.Logf("after the export: %s", vmHWM())
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}

// vmHWM is the process's peak resident memory so far (Linux).
func vmHWM() string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			return strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:"))
		}
	}
	return "unknown"
}
