package localoffer

// The Local Offer readers with the default extractor (the rules compiled in).

// ReadLocalOffer is Extractor.ReadLocalOffer with the default extractor.
func ReadLocalOffer(body []byte, contentType, pageURL string) LocalOfferRead {
	return Default().ReadLocalOffer(body, contentType, pageURL)
}

// ReadLocalOfferText is Extractor.ReadLocalOfferText with the default extractor.
func ReadLocalOfferText(text, pageURL string) LocalOfferRead {
	return Default().ReadLocalOfferText(text, pageURL)
}

// ServiceFields is Extractor.ServiceFields with the default extractor.
func ServiceFields(text string) Service { return Default().ServiceFields(text) }

// LocalOfferPage is Extractor.LocalOfferPage with the default extractor.
func LocalOfferPage(body []byte, contentType, pageURL string) (kind string, svc *Service) {
	return Default().LocalOfferPage(body, contentType, pageURL)
}

// LocalOfferText is Extractor.LocalOfferText with the default extractor.
func LocalOfferText(text, title, pageURL string, contactLinks bool) (string, *Service) {
	return Default().LocalOfferText(text, title, pageURL, contactLinks)
}

// ORUKPage is Extractor.ORUKPage with the default extractor.
func ORUKPage(body []byte) ([]Service, ORUKPageInfo, error) { return Default().ORUKPage(body) }

// ORUKService is Extractor.ORUKService with the default extractor.
func ORUKService(raw []byte) (Service, error) { return Default().ORUKService(raw) }

// LocalOfferItems says which required items a page's words cover with the
// default extractor: see Extractor.LocalOfferItems.
func LocalOfferItems(text string) []ItemEvidence { return Default().LocalOfferItems(text) }
