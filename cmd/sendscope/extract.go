package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/sendscope/sendscope/pipeline"
	"github.com/sendscope/sendscope/queries"
)

func newExtractCmd(g *globals) *cobra.Command {
	var yearArg string
	cmd := &cobra.Command{
		Use:   "extract [--year YEAR]",
		Short: "Re-derive documents and facts from stored captures (after an extractor upgrade)",
		Example: `  sendscope extract --year 2025/26
  sendscope --vocab our-wordings.tsv extract`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			year, err := yearFlag(yearArg)
			if err != nil {
				return err
			}
			// extract only re-reads what a crawl stored: a mistyped --db must not
			// become a new, empty store.
			if _, err := os.Stat(g.db); err != nil {
				return fmt.Errorf("%w at %s: nothing to re-read (check --db, or crawl first)", queries.ErrNoStore, g.db)
			}
			store, err := g.openBatches(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			sum, err := pipeline.Extract(cmd.Context(), store, year, g.extractor, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "extractor %s: %d captures read, %d facts, %d Local Offer services; documents by type: %s; %d could not be read\n",
				g.extractor.Version(), sum.Captures, sum.Facts, sum.Services, pipeline.Reasons(sum.Documents), sum.Errors)
			return nil
		},
	}
	cmd.Flags().StringVar(&yearArg, "year", "", "only this academic year (default: every year)")
	return cmd
}
