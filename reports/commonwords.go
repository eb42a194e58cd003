package reports

// commonWords are English words that are also surnames ("Hope", "Best", "Young",
// "Child"). A known surname that is one of them is replaced only where a title,
// initial or given name marks it as a name ("Mrs Hope", "K. Best"), never
// standing alone: "we hope", "Best practice", "Young people" and "Child-centred"
// are far more common in SEN reports than the SENCO's surname alone, and
// erasing them would garble the text every researcher reads. Any other known
// surname is replaced alone too when it is capitalised ("Strogen said"). A word
// missing here costs only a false hit (an ordinary word pseudonymised), never a
// leak, so the list errs short.
var commonWords = wordSet(`
able abbey acres alder  ash bacon bailey baker ball bank banks barber bark barker barley barn 
baron barrow bass batch bath  beach beck bell bells  bench  berry best bird birch bishop
black  blade blake bland bliss bloom  blunt  bold bond bone booth boss bough bow bowl
bowler bowman box boy brand brass bray bread breeze brewer brick bridge bridges bright brook  brooks
brown brush buck bull bullock burn burns bush butcher butler butt cake call camp can cane cannon card care
carpenter  carrier carter carver case castle chamber chambers chance chapel chaplain chase cheese cherry
chester child  church clay clear clerk cliff close cloud coal  cock coke  collar collier
common constable cook  cooper coward crane cross crow crown cupp  cutler dale dance dart day
dean dear deer dell   dick  dodge dole doll door dove down drake draper drew 
duck duke  dyer eagle early earl east edge english fair  faith farmer farrow fell fellow
field fields finch fish fisher fitter flint flower flowers fog follow foot ford forest forge  
fowler fox frank free freeman french friend frost fry fuller gale gardener garland gay gentle  glass
glover  gold  good goodman goose grace grant grave gray green  grey grove guest hale
hall hand hands hardy hare harper hart hatch hawk hay  head heal heard heart heath hedge hedges
hill hills hind hollow holly  home hood hook hope horn  horner house  hunt hunter husband
ivy jay jolly joy judge keen  key keys kidd kind king knight lake lamb lance land lane large law lawless
laws lea leach leaf  less light lime link lock lodge long lord love low  lucky mace major 
 march mark marks marsh marshall  mason master masters match may mead meadows merry 
mill miller mills moon moore more morning moss mould mount much nail nash needle new newman nice noble
north nurse oak  oaks orange page  painter palmer park parker parks  parrot parson parsons
pass patience  peach peacock pearl peck penny pepper person pike pine pink piper pitt plant 
plum  pond poole pope porter post potter pound power powers  price priest prince proud 
pool quick rain ram ransom raven  read reader reading reed rich ride rider ring rivers roach robin
rock rook rose  rush sage sale salt sandy savage saw scales school  seal sell senior sharp shaw
sheep shepherd ship shore short silver singer skinner slater small smart  snow  south spark
sparks spear speed  spicer spring squire stable stag stamp stand steel steele stern steward still
stock stocks stone storm story strange street strong sturdy summer summers swallow swan sweet swift 
tanner  thorn thorne tiller todd tower towers town trim trout  tucker turner  vale vine
wade  wake walker wall walls ward ware warren waters watt way weaver webb  weeks well wells
west white  wild  will winter wise wolf wood woods wool worth wren wright yard yeoman young
`)
