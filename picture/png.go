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
// slide backgrounds become runs of zeros) and stripes of rows are deflated in
// parallel and joined into one zlib stream, as pigz does. image/png tries
// five filters per row and spent most of the PNG's time doing so.
func encodePNG(w io.Writer, img *image.RGBA) error {
	b := img.Bounds()
	wd, ht := b.Dx(), b.Dy()
	stride := 1 + 3*wd
	raw := make([]byte, stride*ht)
	parts := min(max(runtime.GOMAXPROCS(0), 1), 4)
	rowsPer := (ht + parts - 1) / parts
	out := make([][]byte, parts)
	var wg sync.WaitGroup
	for k := range parts {
		y0, y1 := k*rowsPer, min((k+1)*rowsPer, ht)
		if y0 >= y1 {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for y := y0; y < y1; y++ {
				row := raw[y*stride : (y+1)*stride]
				src := img.Pix[(y)*img.Stride : (y)*img.Stride+4*wd]
				row[0] = 2 // Up
				if y == 0 {
					row[0] = 0
				}
				for x := range wd {
					row[1+3*x] = src[4*x]
					row[2+3*x] = src[4*x+1]
					row[3+3*x] = src[4*x+2]
				}
				if y > 0 {
					prev := img.Pix[(y-1)*img.Stride : (y-1)*img.Stride+4*wd]
					for x := range wd {
						row[1+3*x] -= prev[4*x]
						row[2+3*x] -= prev[4*x+1]
						row[3+3*x] -= prev[4*x+2]
					}
				}
			}
			var buf bytes.Buffer
			fw, _ := flate.NewWriter(&buf, flate.BestSpeed)
			fw.Write(raw[y0*stride : y1*stride])
			if y1 == ht {
				fw.Close()
			} else {
				fw.Flush() // byte-aligned, not final: the next stripe follows
			}
			out[k] = buf.Bytes()
		}()
	}
	wg.Wait()

	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(wd))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(ht))
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	chunk(bw, "IHDR", ihdr[:])
	var z bytes.Buffer
	z.Grow(2 + 4 + len(out[0])*parts)
	z.Write([]byte{0x78, 0x01})
	for _, o := range out {
		z.Write(o)
	}
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], adler32.Checksum(raw))
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
