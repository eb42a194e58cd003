package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/spf13/cobra"

	"github.com/sendscope/sendscope/queries"
	"github.com/sendscope/sendscope/register"
)

func newRegisterCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "register", Short: "Load the DfE school register (Get Information About Schools)"}
	var opt register.Options
	imp := &cobra.Command{
		Use:     "import FILE",
		Example: `  sendscope register import edubasealldata20250901.csv`,
		Short:   "Load the GIAS all-establishments CSV as downloaded (Windows-1252 or UTF-8)",
		Long: `Load the DfE school register: the "all establishment data" CSV from Get Information
About Schools, as downloaded. Columns are found by name; Windows-1252 and UTF-8 (with
or without a byte-order mark) are both read. Only open schools are loaded unless
--all-statuses is given. Re-importing updates schools by URN. A file that is not the
register leaves the store exactly as it was.`,
		Args: argsUsage(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := g.openWrite(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			return importRegister(cmd.Context(), store, args[0], opt, cmd.ErrOrStderr())
		},
	}
	imp.Flags().BoolVar(&opt.AllStatuses, "all-statuses", false, "load closed and proposed schools too")
	cmd.AddCommand(imp)
	return cmd
}

// importRegister reads a register file and loads it, printing what it did.
func importRegister(ctx context.Context, store *queries.Store, path string, opt register.Options, out io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	res, err := register.Read(f, path, opt)
	if err != nil {
		return err
	}
	schools := make([]queries.School, len(res.Schools))
	for i, s := range res.Schools {
		schools[i] = queries.School(s)
	}
	st, err := store.ImportSchools(ctx, schools, path)
	if err != nil {
		return fmt.Errorf("%s: nothing imported: %w", path, err)
	}
	fmt.Fprintf(out, "%s (%s): %d rows read, %d imported (%d new, %d updated), %d skipped\n",
		path, res.Encoding, res.Rows, len(res.Schools), st.Inserted, st.Updated, len(res.Skipped))
	reasons := map[string]int{}
	for _, s := range res.Skipped {
		reasons[s.Reason]++
	}
	var keys []string
	for k := range reasons {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(out, "  skipped %d: %s\n", reasons[k], k)
	}
	for i, w := range res.Warnings {
		if i == 10 {
			fmt.Fprintf(out, "  ... and %d more warnings\n", len(res.Warnings)-10)
			break
		}
		fmt.Fprintf(out, "  line %d (URN %s): %s\n", w.Line, w.URN, w.Reason)
	}
	return nil
}
