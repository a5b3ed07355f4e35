package interchange

import "journeymap/internal/testmap"

// The awkward maps every format test runs through.
var (
	richMap  = testmap.Rich
	nastyMap = testmap.Nasty
)
