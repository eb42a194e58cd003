package localoffer

import "testing"

// FuzzORUKPage: any JSON, or none, is read or refused without a panic.
func FuzzORUKPage(f *testing.F) {
	f.Add([]byte(`{"total_pages":1,"page_number":1,"contents":[{"id":"a","name":"X","minimum_age":-1}]}`))
	f.Add([]byte(`[{"id":1,"name":"Y","eligibilitys":[{"minimum_age":0}]}]`))
	f.Add([]byte(`{"content":null}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		ORUKPage(body)
	})
}
