package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// cmdUsagef is a usage error in subcommand cmd; the message starts with cmd.
func cmdUsagef(cmd, format string, args ...any) error {
	return &usageError{cmd: cmd, msg: cmd + ": " + fmt.Sprintf(format, args...)}
}

// command is a subcommand's flags and its help text.
type command struct {
	*flag.FlagSet
	help func()
}

// flagSet returns a quiet FlagSet for a subcommand: parse errors come back
// as usage errors and -h prints the subcommand's help to stdout.
func (c *cli) flagSet(name, synopsis, about string) *command {
	flags := flag.NewFlagSet("journeymap "+name, flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	flags.Usage = func() {} // the flag package calls it on every error too
	help := func() {
		fmt.Fprintf(c.stdout, "Usage: journeymap %s %s\n\n%s\n", name, synopsis, about)
		var hasFlags bool
		flags.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(c.stdout, "\nFlags:")
			flags.SetOutput(c.stdout)
			flags.PrintDefaults()
			flags.SetOutput(io.Discard)
		}
	}
	return &command{flags, help}
}

// parseArgs parses flags wherever they appear among the positional
// arguments ("export x.db --format md"), which the flag package alone stops
// at. Everything after "--" is positional.
func parseArgs(flags *command, args []string) ([]string, error) {
	var pos []string
	for {
		if err := flags.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				flags.help()
				return nil, errHelp
			}
			return nil, cmdUsagef(strings.TrimPrefix(flags.Name(), "journeymap "), "%v", err)
		}
		rest := flags.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" && endsFlags(flags, args[:used]) {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// endsFlags reports whether the last of consumed, which the flag package
// has just parsed, is the "--" that ends the flags rather than a flag's value
// ("--map --"). It walks consumed as the flag package does.
func endsFlags(flags *command, consumed []string) bool {
	for i := 0; i < len(consumed); i++ {
		a := consumed[i]
		if a == "--" {
			return i == len(consumed)-1
		}
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := flags.Lookup(name); f != nil {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
				i++ // the flag's value
			}
		}
	}
	return false
}

// isSet reports whether the flag called name was given on the command line.
func isSet(flags *command, name string) bool {
	found := false
	flags.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}

func optionalFile(pos []string, cmd string) (string, error) {
	switch len(pos) {
	case 0:
		return "", nil
	case 1:
		if pos[0] == "" {
			return "", cmdUsagef(cmd, "FILE must not be empty")
		}
		return pos[0], nil
	default:
		return "", cmdUsagef(cmd, "too many arguments: %s", strings.Join(pos[1:], " "))
	}
}
