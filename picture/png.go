package picture

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"image"
	"io"
	"runtime"
	"sync"
)

// encodePNG writes an opaque RGBA image as an 8-bit RGB PNG. It is a
// narrow, fast encoder for pictures: every row uses the Up filter (flat
// slide backgrounds become runs of zeros), computed eight bytes at a time
// from the RGB of the image's rows (the pictures are opaque: no alpha is
// written), and stripes of rows are deflated in parallel and joined into
// one zlib stream, as pigz does, with their
// Adler-32 sums combined. No filtered copy of the whole image is made: each
// stripe filters one row at a time. image/png tries five filters per row
// and spent most of the PNG's time doing so.
func encodePNG(w io.Writer, img *image.RGBA) error {
	b := img.Bounds()
	return encodeRows(w, b.Dx(), b.Dy(), func(y int) []byte { return img.Pix[y*img.Stride:] })
}

// encodeRows is encodePNG for a picture of wd×ht pixels whose row y (RGBA)
// starts at row(y).
func encodeRows(w io.Writer, wd, ht int, pixRow func(y int) []byte) error {
	rowLen := 3 * wd // RGB: the picture is opaque, so no alpha is written
	parts := min(max(runtime.GOMAXPROCS(0), 1), 4)
	rowsPer := (ht + parts - 1) / parts
	out := make([][]byte, parts)
	sums := make([]uint32, parts)
	var wg sync.WaitGroup
	for k := range parts {
		y0, y1 := k*rowsPer, min((k+1)*rowsPer, ht)
		if y0 >= y1 {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			buf.Grow(rowLen * (y1 - y0) / 16)
			fw, _ := flate.NewWriter(&buf, flate.BestSpeed)
			sum := adler32.New()
			row := make([]byte, 1+rowLen)
			cur, prev := make([]byte, rowLen), make([]byte, rowLen)
			if y0 > 0 {
				packRGB(prev, pixRow(y0-1))
			}
			for y := y0; y < y1; y++ {
				packRGB(cur, pixRow(y))
				if y == 0 {
					row[0] = 0 // None
					copy(row[1:], cur)
				} else {
					row[0] = 2 // Up
					upFilter(row[1:], cur, prev)
				}
				fw.Write(row)
				sum.Write(row)
				cur, prev = prev, cur
			}
			if y1 == ht {
				fw.Close()
			} else {
				fw.Flush() // byte-aligned, not final: the next stripe follows
			}
			out[k], sums[k] = buf.Bytes(), sum.Sum32()
		}()
	}
	wg.Wait()
	total := sums[0]
	for k := 1; k < parts; k++ {
		if y0, y1 := k*rowsPer, min((k+1)*rowsPer, ht); y0 < y1 {
			total = adler32Combine(total, sums[k], int64(y1-y0)*int64(1+rowLen))
		}
	}

	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(wd))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(ht))
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	chunk(bw, "IHDR", ihdr[:])
	var z bytes.Buffer
	n := 0
	for _, o := range out {
		n += len(o)
	}
	z.Grow(2 + 4 + n)
	z.Write([]byte{0x78, 0x01})
	for _, o := range out {
		z.Write(o)
	}
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], total)
	z.Write(sum[:])
	data := z.Bytes()
	for len(data) > 0 {
		n := min(len(data), 1<<20)
		chunk(bw, "IDAT", data[:n])
		data = data[n:]
	}
	chunk(bw, "IEND", nil)
	return bw.Flush()
}

// packRGB copies the RGB of len(dst)/3 RGBA pixels from src to dst.
func packRGB(dst, src []byte) {
	for i, j := 0, 0; i+2 < len(dst); i, j = i+3, j+4 {
		dst[i], dst[i+1], dst[i+2] = src[j], src[j+1], src[j+2]
	}
}

// upFilter sets dst to cur minus prev, byte by byte (mod 256), eight bytes
// at a time: per-byte subtraction without borrows between the bytes.
func upFilter(dst, cur, prev []byte) {
	const hi = 0x8080808080808080
	i := 0
	for ; i+8 <= len(cur); i += 8 {
		a := binary.LittleEndian.Uint64(cur[i:])
		b := binary.LittleEndian.Uint64(prev[i:])
		d := ((a | hi) - (b &^ hi)) ^ ((a ^ ^b) & hi)
		binary.LittleEndian.PutUint64(dst[i:], d)
	}
	for ; i < len(cur); i++ {
		dst[i] = cur[i] - prev[i]
	}
}

// adler32Combine returns the Adler-32 of two byte strings joined, from
// their sums and the second one's length (zlib's adler32_combine).
func adler32Combine(a1, a2 uint32, len2 int64) uint32 {
	const base = 65521
	rem := uint64(len2 % base)
	s1 := uint64(a1 & 0xffff)
	s2 := (rem * s1) % base
	s1 += uint64(a2&0xffff) + base - 1
	s2 += uint64(a1>>16) + uint64(a2>>16) + base - rem
	s1 %= base
	s2 %= base
	return uint32(s2<<16 | s1)
}

func chunk(w *bufio.Writer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	w.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	w.WriteString(typ)
	w.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	w.Write(n[:])
}
