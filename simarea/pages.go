package simarea

// SchoolSENPage is a primary school's SEN page as its site serves it (written
// by us): navigation, a cookie banner, the report in <main>, a footer. Tests of
// the readers and of the extractor start from it.
const SchoolSENPage = `<!DOCTYPE html><html><head><title>SEND | Brambleford Primary</title></head><body>
<div class="cookie-notice cookie-banner">Cookies help us. Call 01632 960111 with questions.</div>
<header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/send/">SEND</a></li></ul></nav></header>
<div class="container has-sidebar">
<main>
<h1>Special Educational Needs</h1>
<p>Our SENCO is Mrs Rosa Lindqvist.</p>
<ul><li>Autism</li><li>Dyslexia</li></ul>
<table><tr><th>Role</th><th>Name</th></tr><tr><td>SENCO</td><td>Mrs Rosa Lindqvist</td></tr></table>
</main>
<aside class="sidebar"><p>Contact the SENCO through the office on 01632 960111.</p></aside>
</div>
<footer><p>Brambleford Primary, Tel 01632 960111, office@brambleford.example</p></footer>
</body></html>`
