package picture

import (
	"io"

	"journeymap/model"
)

func writePDF(w io.Writer, m *model.Map, o Options) error { return nil }
