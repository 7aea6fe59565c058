"""html: escape and unescape (named, numeric, invalid and prefix references), html.entities tables."""
import html, html.entities
print(html.escape('<a href="x">\'&\'</a>'), html.escape('<"\'>', quote=False))
tests = ['&amp;&lt;&gt;&quot;&#39;&#x27;', '&notit; &notin; &not &amp &ampx &AMP; &Amp;', '&#0; &#13; &#128; &#x80; &#x81; &#159;',
         '&#xD800; &#1114112; &#x110000; &#1; &#11; &#x7f; &#xfdd0; &#xfffe; &#x10ffff; &#65;&#x42;&#X43',
         '&#99999999999999999999; &unknown; & amp; &#; &#x; &;', '&eacute;&Eacute&copy&reg;&nbsp;&NotEqualTilde;&fjlig;',
         'no refs', '&' * 3, '&abcdefghijklmnopqrstuvwxyzabcdefghijkl;', '&lt&gt&ltx', '&#65abc &#x41xyz']
for t in tests:
    print(repr(html.unescape(t)))
print(len(html.entities.html5), len(html.entities.name2codepoint), len(html.entities.codepoint2name), len(html.entities.entitydefs))
print(html.entities.name2codepoint['eacute'], html.entities.codepoint2name[8364], html.entities.entitydefs['euro'], html.entities.entitydefs['eacute'], html.entities.html5['NotEqualTilde;'])
