package simarea

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// giasColumns is the column list of the DfE register's "all establishment data"
// download, in its order.
var giasColumns = []string{
	"URN", "LA (code)", "LA (name)", "EstablishmentNumber", "EstablishmentName", "TypeOfEstablishment (code)",
	"TypeOfEstablishment (name)", "EstablishmentTypeGroup (code)", "EstablishmentTypeGroup (name)",
	"EstablishmentStatus (code)", "EstablishmentStatus (name)", "ReasonEstablishmentOpened (code)",
	"ReasonEstablishmentOpened (name)", "OpenDate", "ReasonEstablishmentClosed (code)",
	"ReasonEstablishmentClosed (name)", "CloseDate", "PhaseOfEducation (code)", "PhaseOfEducation (name)",
	"StatutoryLowAge", "StatutoryHighAge", "Boarders (code)", "Boarders (name)", "NurseryProvision (name)",
	"OfficialSixthForm (code)", "OfficialSixthForm (name)", "Gender (code)", "Gender (name)",
	"ReligiousCharacter (code)", "ReligiousCharacter (name)", "ReligiousEthos (name)", "Diocese (code)",
	"Diocese (name)", "AdmissionsPolicy (code)", "AdmissionsPolicy (name)", "SchoolCapacity",
	"SpecialClasses (code)", "SpecialClasses (name)", "CensusDate", "NumberOfPupils", "NumberOfBoys",
	"NumberOfGirls", "PercentageFSM", "TrustSchoolFlag (code)", "TrustSchoolFlag (name)", "Trusts (code)",
	"Trusts (name)", "SchoolSponsorFlag (name)", "SchoolSponsors (name)", "FederationFlag (name)",
	"Federations (code)", "Federations (name)", "UKPRN", "FEHEIdentifier", "FurtherEducationType (name)",
	"LastChangedDate", "Street", "Locality", "Address3", "Town", "County (name)", "Postcode", "SchoolWebsite",
	"TelephoneNum", "HeadTitle (name)", "HeadFirstName", "HeadLastName", "HeadPreferredJobTitle",
	"BSOInspectorateName (name)", "InspectorateReport", "DateOfLastInspectionVisit", "NextInspectionVisit",
	"TeenMoth (name)", "TeenMothPlaces", "CCF (name)", "SENPRU (name)", "EBD (name)", "PlacesPRU",
	"FTProv (name)", "EdByOther (name)", "Section41Approved (name)", "SEN1 (name)", "SEN2 (name)",
	"SEN3 (name)", "SEN4 (name)", "SEN5 (name)", "SEN6 (name)", "SEN7 (name)", "SEN8 (name)", "SEN9 (name)",
	"SEN10 (name)", "SEN11 (name)", "SEN12 (name)", "SEN13 (name)", "TypeOfResourcedProvision (name)",
	"ResourcedProvisionOnRoll", "ResourcedProvisionCapacity", "SenUnitOnRoll", "SenUnitCapacity", "GOR (code)",
	"GOR (name)", "DistrictAdministrative (code)", "DistrictAdministrative (name)", "AdministrativeWard (code)",
	"AdministrativeWard (name)", "ParliamentaryConstituency (code)", "ParliamentaryConstituency (name)",
	"UrbanRural (code)", "UrbanRural (name)", "GSSLACode (name)", "Easting", "Northing", "MSOA (name)",
	"LSOA (name)", "InspectorateName (name)", "SENStat", "SENNoStat", "BoardingEstablishment (name)",
	"PropsName", "PreviousLA (code)", "PreviousLA (name)", "PreviousEstablishmentNumber", "Country (name)",
	"UPRN", "SiteName", "QABName (code)", "QABName (name)", "EstablishmentAccredited (code)",
	"EstablishmentAccredited (name)", "QABReport", "CHNumber", "MSOA (code)", "LSOA (code)", "FSM",
	"AccreditationExpiryDate",
}

// RegisterCSV writes the area's schools as the DfE register download does:
// Windows-1252, every column, websites typed in the register's mixed ways, plus a
// closed school that an import must leave out.
func (a *Area) RegisterCSV() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(giasColumns)
	idx := map[string]int{}
	for i, c := range giasColumns {
		idx[c] = i
	}
	rowFor := func(p Profile, status, website string) []string {
		r := make([]string, len(giasColumns))
		set := func(col, v string) { r[idx[col]] = v }
		set("URN", strconv.Itoa(p.URN))
		set("LA (code)", p.LACode)
		set("LA (name)", p.LAName)
		set("EstablishmentNumber", strconv.Itoa(2000+p.URN%1000))
		set("EstablishmentName", p.Name)
		set("TypeOfEstablishment (name)", p.Type)
		set("EstablishmentStatus (name)", status)
		set("PhaseOfEducation (name)", p.Phase)
		set("NumberOfPupils", strconv.Itoa(p.Pupils))
		set("Town", "Testbury")
		set("Postcode", fmt.Sprintf("TE%d %dAB", p.URN%9+1, p.URN%7))
		set("SchoolWebsite", website)
		set("DistrictAdministrative (name)", p.District)
		set("GSSLACode (name)", "E06000"+p.LACode)
		set("GOR (name)", "South East")
		set("SEN1 (name)", p.RPNeed)
		set("TypeOfResourcedProvision (name)", p.RPType)
		if p.RPType == "Resourced provision" {
			set("ResourcedProvisionCapacity", strconv.Itoa(p.RPCapacity))
			set("ResourcedProvisionOnRoll", strconv.Itoa(p.RPCapacity-2))
		}
		if p.RPType == "SEN unit" {
			set("SenUnitCapacity", strconv.Itoa(p.RPCapacity))
			set("SenUnitOnRoll", strconv.Itoa(p.RPCapacity-1))
		}
		return r
	}
	for i, p := range a.Profiles {
		site := a.URL(p.URN)
		// The register's websites are typed by hand: no scheme, capitals, spaces.
		switch {
		case site == "":
		case i%5 == 1:
			site = strings.TrimPrefix(site, "http://")
		case i%5 == 2:
			site = strings.ToUpper(site)
		case i%5 == 3:
			site += "  "
		}
		w.Write(rowFor(p, "Open", site))
	}
	closed := Profile{URN: 990199, Name: "Valley Road Primary School", LACode: "998", LAName: "Testshire", Phase: "Primary", Type: "Community school"}
	w.Write(rowFor(closed, "Closed", "www.valleyroad.example.sch.uk"))
	w.Flush()
	out, err := charmap.Windows1252.NewEncoder().Bytes(b.Bytes())
	if err != nil {
		panic(err) // every character above is in Windows-1252
	}
	return out
}

// WriteRegister writes RegisterCSV to path.
func (a *Area) WriteRegister(path string) error {
	return os.WriteFile(path, a.RegisterCSV(), 0o644)
}
