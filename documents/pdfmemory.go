package documents

// sliceMemory is a WebAssembly memory in one Go slice with room for its
// largest size, made at the first growth: Go takes large slices straight from
// the OS, so pages stay virtual until PDFium touches them, and growing within
// the slice copies nothing. It stands in where a mapping cannot be reserved.
type sliceMemory struct {
	max uint64
	buf []byte
}

// Reallocate grows the memory to size bytes; nil past its largest size.
func (m *sliceMemory) Reallocate(size uint64) []byte {
	if size > m.max {
		return nil
	}
	if m.buf == nil {
		m.buf = make([]byte, 0, m.max)
	}
	return m.buf[:size:size]
}

// Free lets the collector have the memory.
func (m *sliceMemory) Free() { m.buf = nil }
