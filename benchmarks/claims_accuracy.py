"""How well does ``helpers.claims.tag_claims`` find who speaks and whether a sentence is hedged?

    .venv/bin/python benchmarks/claims_accuracy.py            # the table
    .venv/bin/python benchmarks/claims_accuracy.py --errors   # and every sentence it gets wrong
    .venv/bin/python benchmarks/claims_accuracy.py --eval tests/data/eval/firstrun   # any folder
    .venv/bin/python benchmarks/claims_accuracy.py --without-story-table   # + Kursk, no actors.csv

Three kinds of hand-annotated sets. Two on the Kursk story, in ``tests/data/``:

* ``claims_gold.csv``: every sentence of the five seed articles (raw text, as in ``seeds/``) that
  carries an attribution or a hedge. Sentences not listed carry neither.
* ``claims_own.csv``: sentences written for this benchmark, one or more per ``article_id`` (a
  short text, the sentences joined by a space), covering each pattern of issue #3; every
  sentence is listed, including the ones that carry nothing.

And story folders, read like a learner's folder (``load_corpus``, each headline put back above
its text): ``tests/data/eval/newstories/`` (four articles on a storm, a strike, unemployment and
a diplomatic clash, written and annotated by someone who never saw the rules; its README has
the annotation rules), and any folder given with ``--eval`` in the same format (``claims.csv``
beside the articles: ``article_id, sentence, speaker, alternatives, speaker_kind, hedged``).
There a speaker matches when, after accent and case folding and dropping a leading article
(:func:`fold`), it equals the gold speaker or one of its ``alternatives``, or is an alias of the
same actor in the story's actor table or among the actors found in the folder's text
(:func:`helpers.claims.story_actors.story_actors`); the ``strict`` column counts only the first
two. Each folder is read as its own story (its ``actors.csv``, if any; never the course's).
``--without-story-table`` scores the Kursk sets again with the course's ``actors.csv`` removed
from the rules' sight (the gold names are that table's canonical names, so the scorer, not the
rules, is given its aliases as equivalents).

New stories, scored once before any rule change (current rules of commit 9aae5cf, baseline
beside them): 121 sentences, 91 attributed; speaker 35.2 % (baseline 7.7 %), kind 30.8 %,
hedged 88.4 % (baseline 71.9 %). The Kursk sets at that commit: seeds 100 % / 100 %, own 100 % /
100 % (the own rows from own-45 on, the held-out batches below, are now 100 %: they were fixed
after their first run).

Annotation guidelines of the Kursk sets (what a careful reader would say, not what the code
does):

* The unit is the sentence a reader sees, from one final stop or line break to the next, even
  where the parser cuts it in pieces. Gold text is the article's text with straight apostrophes.
* ``speaker``: who the sentence presents as the source of its claim: the subject of a reporting
  verb, the complement of *selon* / *d'après* / *si l'on en croit*, the speaker of a quotation
  given nearby. A medium relaying someone (``rapporte la BBC``, ``a déclaré l'agence Yonhap``)
  is the channel, not the source; someone *citing* a source is still the speaker. With several
  speakers joined by *et*, the first. A person speaking for a body (``L'OTAN, par
  l'intermédiaire de… Mark Rutte``) is the speaker. Canonical names from
  ``the story's ``actors.csv````; others as written, without their article.
* Not a speaker: an agent who does *not* speak (``refusant de confirmer``, ``n'a pas été
  confirmée par Moscou``), the author of a video described as fact.
* ``hedged``: the claim is presented with less than full commitment: conditionnel
  journalistique or epistemic conditional, *selon*/*d'après*, claim verbs (*affirmer*,
  *assurer que*, *prétendre*), belief and appearance (*penser*, *croire*, *sembler*),
  probability (*probable*, *il est possible que*, *risquer de*), allegation (*présumé*,
  *accuser … de*). Not hedges: *il valait/vaudrait mieux*, *il faudrait*, a conditional that is
  the future in the past (``a promis que son pays resterait``), statements that something is
  not confirmed or not verified (caveats about other sentences).

Scoring: each gold sentence is matched to the rows of the table whose text lies mostly inside
it; the prediction is the first non-empty speaker of those rows and *hedged* if any is. Speaker
accuracy is over the gold sentences that have a speaker; speaker names are compared after
canonicalisation (so an alias counts as its actor). ``extra_*`` count the sentences outside the
gold set that got a speaker or a hedge (seeds only: the own set lists every sentence).

The baseline: for each sentence, the first reporting verb (by spaCy's lemma) and the words of
its ``nsubj``; hedged when a token has ``Mood=Cnd``.

Development scores versus unseen text. Both sets were used while the rules were written, so the
table printed here (100 % for speaker and hedging when this was written) measures fit, not how
the rules do on new text. To estimate that, three batches of new sentences were written after
freezing the rules, scored once, then fixed and added to ``claims_own.csv`` (rows from own-45 on;
batches 2 and 3 are scored after correcting mistakes in the batch files themselves, two
annotations that broke the guidelines above and two context sentences filed under the wrong
``article_id``, before any rule changed):

=========  ==========  ===================  ===================
batch      attributed  speaker (baseline)   hedged (baseline)
=========  ==========  ===================  ===================
1          27          85.2 % (25.9 %)      100 % (87.5 %)
2          22          81.8 % (36.4 %)      100 % (78.6 %)
3          16          75.0 % (31.2 %)      100 % (85.0 %)
all        65          81.5 % (30.8 %)      100 % (83.8 %)
=========  ==========  ===================  ===================

Issue 13 (French news in general): the rules were then extended, the new stories' first-run
score above being the baseline. Final table (``--without-story-table``; speaker and kind over
attributed sentences, hedged over all sentences):

======================  ==========  ==============  ==========  ========  ==================
set                     attributed  speaker         (baseline)  strict    hedged (baseline)
======================  ==========  ==============  ==========  ========  ==================
seeds                   76          100 %           17.1 %      100 %     100 % (69.5 %)
own                     105         100 %           33.3 %      100 %     100 % (79.4 %)
own held-out            65          100 %           35.4 %      100 %     100 % (83.8 %)
newstories              91          98.9 %          14.3 %      98.9 %    97.5 % (71.9 %)
firstrun                39          100 %           7.7 %       100 %     100 % (72.2 %)
seeds, no actor table   76          84.2 %          17.1 %      52.6 %    100 % (69.5 %)
own, no actor table     105         96.2 %          33.3 %      82.9 %    100 % (79.4 %)
======================  ==========  ==============  ==========  ========  ==================

The new stories were scored at 35.2 % before the rules changed and used to extend them after:
98.9 % is fit. The one speaker missed: ``source diplomatique à Bakou`` where the annotator left
the place out of the anonymous source; the three hedging misses are *estime que*, which the
Kursk sets' guidelines do not count as a hedge and the new stories' do (one rule cannot satisfy
both: the Kursk sets were kept).

A hundred and twenty-six first-run sets, each written by someone who never saw the rules or ran
them, after the rules were frozen (``firstrun`` on branch issue-13, ``firstrun2`` at 2b590d4,
``firstrun3`` at ed3c1ad, ``firstrun4`` at 98abcce, ``firstrun5`` and ``firstrun6`` at 37a6bb6,
``firstrun7`` and ``firstrun8`` at 8b8f3fa, ``firstrun9`` and ``firstrun10`` at 2e10f55,
``firstrun11`` and ``firstrun12`` at b3b37e3, ``firstrun13`` and ``firstrun14`` at 4dc50d3,
``firstrun15`` and ``firstrun16`` at 24bcfa5, ``firstrun17`` and ``firstrun18`` at db6a28b,
``firstrun19`` to ``firstrun22`` at 1991ea3, ``firstrun23`` to ``firstrun26`` at 92abbfa,
``firstrun27`` to ``firstrun30`` at 6011f8b, ``firstrun31`` to ``firstrun34`` at 7d6b6c8,
``firstrun35`` to ``firstrun38`` at c9a081e, ``firstrun39`` to ``firstrun42`` at 1d95e00,
``firstrun43`` to ``firstrun46`` at 01726a0, ``firstrun47`` to ``firstrun54`` at 5c4b35d,
``firstrun55`` to ``firstrun62`` at 209bb2e, ``firstrun63`` to ``firstrun70`` at 140e07e,
``firstrun71`` to ``firstrun78`` at 7b2b95d, ``firstrun79`` to ``firstrun86`` at 517b1fa,
``firstrun87`` to ``firstrun94`` at 3aa97e5, ``firstrun95`` to ``firstrun102`` at 84c50b5,
``firstrun103`` to ``firstrun110`` at 090caa1, ``firstrun111`` to ``firstrun126`` at d85dac1, the
rules the course ships), and scored once before any rule changed again (speaker over attributed
sentences, baseline in brackets):

================================================  ==========  ===============  ===============
set: stories                                      attributed  speaker          hedged
================================================  ==========  ===============  ===============
``firstrun``: forest fire, cocaine seizure        39          71.8 % (7.7 %)   98.1 % (72.2 %)
``firstrun2``: cyberattack, food poisoning        41          80.5 % (9.8 %)   95.2 % (75.8 %)
``firstrun3``: coach crash, bird flu              37          83.8 % (5.4 %)   96.6 % (75.9 %)
``firstrun4``: emergency ward, wolves             44          72.7 % (9.1 %)   89.7 % (62.1 %)
``firstrun5``: drought, factory closure           47          63.8 % (4.3 %)   100 % (66.1 %)
``firstrun6``: corruption trial, measles          39          56.4 % (0.0 %)   96.6 % (72.4 %)
``firstrun7``: prison riot, student housing       48          64.6 % (4.2 %)   98.4 % (71.0 %)
``firstrun8``: oil spill, football club           42          54.8 % (2.4 %)   95.2 % (66.1 %)
``firstrun9``: building collapse, drug shortage   40          77.5 % (5.0 %)   93.4 % (75.4 %)
``firstrun10``: museum theft, ski resort          49          77.6 % (4.1 %)   96.8 % (67.7 %)
``firstrun11``: landslide on a line, scams        47          72.3 % (4.3 %)   100 % (71.0 %)
``firstrun12``: election annulled, hornets        45          80.0 % (2.2 %)   95.2 % (77.8 %)
``firstrun13``: nuclear plant, Parcoursup         48          68.8 % (2.1 %)   98.4 % (74.2 %)
``firstrun14``: mountain rescue, river pollution  44          68.2 % (0.0 %)   96.8 % (77.4 %)
``firstrun15``: ferries, asbestos in a school     43          72.1 % (0.0 %)   95.2 % (77.8 %)
``firstrun16``: e-scooters, hail on vineyards     45          73.3 % (6.7 %)   95.2 % (71.0 %)
``firstrun17``: bridge closed, maternity ward     43          79.1 % (0.0 %)   96.8 % (75.8 %)
``firstrun18``: recycling fire, canteen prices    45          71.1 % (4.4 %)   96.8 % (68.3 %)
``firstrun19``: tramway overrun, salmonella       45          64.4 % (4.4 %)   85.7 % (76.2 %)
``firstrun20``: notary's trial, avalanche         41          85.4 % (9.8 %)   96.4 % (76.8 %)
``firstrun21``: garbage strike, skylark study     47          74.5 % (6.4 %)   98.4 % (70.5 %)
``firstrun22``: newspaper takeover, canal         42          78.6 % (4.8 %)   100 % (72.6 %)
``firstrun23``: TER drivers, forest ban           44          70.5 % (2.3 %)   93.5 % (74.2 %)
``firstrun24``: master's places, jaguar           45          71.1 % (4.4 %)   96.7 % (72.1 %)
``firstrun25``: bronchiolitis, last bank branch   44          88.6 % (4.5 %)   98.4 % (77.4 %)
``firstrun26``: offshore wind farm, drownings     47          85.1 % (4.3 %)   96.9 % (68.8 %)
``firstrun27``: anaesthetic shortage, blockade    44          63.6 % (0.0 %)   98.4 % (72.1 %)
``firstrun28``: nativity scene, lifeguards        38          84.2 % (2.6 %)   98.3 % (75.9 %)
``firstrun29``: ammonia leak, teenagers           45          77.8 % (4.4 %)   96.7 % (75.0 %)
``firstrun30``: last doctor, festival             46          82.6 % (2.2 %)   100 % (71.4 %)
``firstrun31``: scabies, swimming pool            44          65.9 % (4.5 %)   91.9 % (72.6 %)
``firstrun32``: farm-subsidy trial, firewood      45          66.7 % (4.4 %)   95.0 % (71.7 %)
``firstrun33``: cliff collapse, water reservoir   42          85.7 % (11.9 %)  98.4 % (82.3 %)
``firstrun34``: bedbugs in trains, toy recall     46          76.1 % (4.3 %)   96.9 % (73.4 %)
``firstrun35``: bakery chain, tick bites          43          69.8 % (7.0 %)   100 % (73.3 %)
``firstrun36``: road collapse, teachers' strike   45          77.8 % (2.2 %)   98.4 % (75.8 %)
``firstrun37``: shipwreck, truffle thefts         43          83.7 % (7.0 %)   100 % (73.3 %)
``firstrun38``: dengue case, metro overrun        43          74.4 % (0.0 %)   98.4 % (80.6 %)
``firstrun39``: care-home fire, hacked grades     50          82.0 % (12.0 %)  98.4 % (70.3 %)
``firstrun40``: irrigation ban, air traffic       39          92.3 % (2.6 %)   98.3 % (71.7 %)
``firstrun41``: church bells, student rents       44          84.1 % (2.3 %)   100 % (75.4 %)
``firstrun42``: listeria recall, hospital wing    44          81.8 % (4.5 %)   95.0 % (73.3 %)
``firstrun43``: flash flood, post office          41          70.7 % (4.9 %)   95.2 % (79.0 %)
``firstrun44``: building-site trial, plastics     42          88.1 % (2.4 %)   98.3 % (74.1 %)
``firstrun45``: wolf attack, regional airline     39          82.1 % (7.7 %)   95.0 % (76.7 %)
``firstrun46``: canteen strike, stranded whale    40          77.5 % (7.5 %)   96.8 % (77.4 %)
``firstrun47``: heatwave, car inspections         46          80.4 % (8.7 %)   100 % (80.6 %)
``firstrun48``: ski lifts, short-term rentals     43          86.0 % (2.3 %)   98.3 % (66.1 %)
``firstrun49``: covered market fire, buses        40          90.0 % (5.0 %)   98.3 % (76.3 %)
``firstrun50``: wind farm, canteen bills          43          83.7 % (4.7 %)   95.1 % (73.8 %)
``firstrun51``: crèche strike, gas explosion      46          80.4 % (2.2 %)   100 % (78.1 %)
``firstrun52``: oysters, climbing site closed     38          84.2 % (10.5 %)  100 % (73.8 %)
``firstrun53``: card fraud, prison moved          43          86.0 % (7.0 %)   98.4 % (75.4 %)
``firstrun54``: bus network, stray dogs           37          64.9 % (0.0 %)   98.4 % (81.0 %)
``firstrun55``: landslide, antibiotic shortage    43          93.0 % (2.3 %)   100 % (74.6 %)
``firstrun56``: refuse strike, fake organic wine  44          88.6 % (4.5 %)   98.4 % (67.2 %)
``firstrun57``: storm, fishing licences           43          81.4 % (0.0 %)   98.3 % (82.8 %)
``firstrun58``: maternity ward, food prices       46          84.8 % (4.3 %)   100 % (67.7 %)
``firstrun59``: freight derailment, election      43          83.7 % (0.0 %)   96.8 % (72.6 %)
``firstrun60``: gas leak, school bullying         42          92.9 % (2.4 %)   100 % (81.7 %)
``firstrun61``: cycling doping, old trees         35          77.1 % (5.7 %)   95.2 % (74.2 %)
``firstrun62``: night emergencies, jewel theft    40          75.0 % (10.0 %)  98.2 % (72.7 %)
``firstrun63``: water shortage, factory closing   45          80.0 % (2.2 %)   96.7 % (73.8 %)
``firstrun64``: measles, migrant centre           41          85.4 % (2.4 %)   98.3 % (75.0 %)
``firstrun65``: campsite fire, privacy fine       44          65.9 % (4.5 %)   98.3 % (72.4 %)
``firstrun66``: trawler lost, loneliness          37          83.8 % (5.4 %)   98.4 % (71.0 %)
``firstrun67``: teachers' strike, bridge closed   43          76.7 % (2.3 %)   100 % (72.1 %)
``firstrun68``: circuit noise, bird flu           40          87.5 % (5.0 %)   100 % (79.4 %)
``firstrun69``: hospital power cut, tram route    45          80.0 % (4.4 %)   98.4 % (60.3 %)
``firstrun70``: fuel prices, avalanche            41          87.8 % (2.4 %)   96.7 % (76.7 %)
``firstrun71``: polluted river, air traffic       47          89.4 % (4.3 %)   98.4 % (73.4 %)
``firstrun72``: balcony trial, bankruptcies       41          82.9 % (0.0 %)   98.3 % (72.9 %)
``firstrun73``: drownings, wolf quota             44          88.6 % (0.0 %)   98.3 % (71.7 %)
``firstrun74``: canteen poisoning, port strike    44          90.9 % (6.8 %)   100 % (81.4 %)
``firstrun75``: hospital hack, cathedral roof     44          81.8 % (0.0 %)   98.3 % (75.0 %)
``firstrun76``: school closing, oil spill         42          81.0 % (4.8 %)   100 % (73.8 %)
``firstrun77``: speed cameras, festival           41          78.0 % (0.0 %)   100 % (83.1 %)
``firstrun78``: legionella, air pollution         43          86.0 % (4.7 %)   100 % (71.9 %)
``firstrun79``: hail, fake invoices               41          87.8 % (0.0 %)   98.3 % (75.0 %)
``firstrun80``: doctors, Mont-Saint-Michel        46          84.8 % (4.3 %)   100 % (77.0 %)
``firstrun81``: biogas fire, student rents        42          69.0 % (7.1 %)   100 % (73.8 %)
``firstrun82``: canyon flood, Sunday opening      41          82.9 % (2.4 %)   96.8 % (79.4 %)
``firstrun83``: acid lorry, offshore wind farm    45          84.4 % (2.2 %)   100 % (65.5 %)
``firstrun84``: motorcyclists, club liquidated    39          82.1 % (2.6 %)   98.3 % (79.7 %)
``firstrun85``: bomb threat, school buildings     47          91.5 % (10.6 %)  98.4 % (74.6 %)
``firstrun86``: honey harvest, mayor inquiry      45          75.6 % (2.2 %)   100 % (79.0 %)
``firstrun87``: earthquake, conductors' strike    40          82.5 % (2.5 %)   100 % (76.3 %)
``firstrun88``: ransomware, wetland bypass        41          75.6 % (0.0 %)   95.0 % (78.3 %)
``firstrun89``: consul expelled, unemployment     41          85.4 % (9.8 %)   96.6 % (70.7 %)
``firstrun90``: tornado, hunting accident         43          88.4 % (2.3 %)   96.8 % (66.1 %)
``firstrun91``: care homes, wartime bomb          44          81.8 % (2.3 %)   100 % (75.4 %)
``firstrun92``: missing teachers, jellyfish       42          88.1 % (11.9 %)  98.3 % (75.0 %)
``firstrun93``: car-factory strike, burglaries    47          91.5 % (8.5 %)   100 % (69.5 %)
``firstrun94``: water bills, school-bus crash     38          81.6 % (5.3 %)   100 % (78.0 %)
``firstrun95``: flood, baby-formula prices        48          85.4 % (8.3 %)   96.8 % (73.0 %)
``firstrun96``: nurses' strike, Roman remains     42          81.0 % (9.5 %)   96.7 % (80.3 %)
``firstrun97``: trawler boarded, school supplies  41          75.6 % (7.3 %)   96.7 % (70.0 %)
``firstrun98``: salmonella, wind-turbine noise    47          59.6 % (6.4 %)   95.0 % (76.7 %)
``firstrun99``: airport route, cyclists           41          80.5 % (0.0 %)   100 % (71.4 %)
``firstrun100``: Landes fire, homeless count      44          86.4 % (6.8 %)   100 % (78.7 %)
``firstrun101``: vegetarian canteen, taxis        42          78.6 % (2.4 %)   100 % (63.8 %)
``firstrun102``: furniture maker, bumblebees      41          61.0 % (2.4 %)   95.1 % (77.0 %)
``firstrun103``: gas leak, school dropouts        42          83.3 % (2.4 %)   100 % (73.3 %)
``firstrun104``: festival off, factory fire       45          77.8 % (8.9 %)   100 % (74.6 %)
``firstrun105``: rural vets, mountain refuge      36          83.3 % (2.8 %)   98.3 % (75.9 %)
``firstrun106``: adviser's trial, airport noise   45          60.0 % (8.9 %)   98.3 % (75.0 %)
``firstrun107``: harbour dredging, street lights  43          88.4 % (9.3 %)   96.6 % (72.9 %)
``firstrun108``: deer on roads, night A&E         42          81.0 % (2.4 %)   96.5 % (73.7 %)
``firstrun109``: low-cost airline, data breach    45          75.6 % (6.7 %)   100 % (72.9 %)
``firstrun110``: lake run dry, museum strike      43          88.4 % (2.3 %)   100 % (75.9 %)
``firstrun111``: PFAS in water, cinema closing    40          92.5 % (5.0 %)   100 % (77.4 %)
``firstrun112``: marathon heat, dengue            39          89.7 % (0.0 %)   100 % (72.7 %)
``firstrun113``: rugby relegation, taxis          41          75.6 % (2.4 %)   100 % (71.4 %)
``firstrun114``: library hours, quarry            37          83.8 % (8.1 %)   100 % (79.7 %)
``firstrun115``: tunnel closed, lithium mine      43          86.0 % (9.3 %)   98.4 % (71.4 %)
``firstrun116``: rental scams, property tax       40          90.0 % (2.5 %)   98.3 % (72.9 %)
``firstrun117``: green algae, slaughterhouse      44          88.6 % (4.5 %)   100 % (80.3 %)
``firstrun118``: drones at airport, fireworks     42          97.6 % (4.8 %)   100 % (79.0 %)
``firstrun119``: bird strike, school-meal prices  40          82.5 % (17.5 %)  100 % (73.3 %)
``firstrun120``: lost containers, last dentist    38          92.1 % (0.0 %)   98.3 % (79.7 %)
``firstrun121``: tram strike, CCTV cameras        40          72.5 % (7.5 %)   98.3 % (76.3 %)
``firstrun122``: cyclist killed, masters cut      42          100 % (2.4 %)    98.3 % (71.7 %)
``firstrun123``: caterpillars, milk price         41          90.2 % (7.3 %)   100 % (75.4 %)
``firstrun124``: cyanobacteria, care-home thefts  40          85.0 % (2.5 %)   100 % (79.7 %)
``firstrun125``: grape pickers, phones at school  41          92.7 % (7.3 %)   98.4 % (78.7 %)
``firstrun126``: bark beetles, bank fees          42          73.8 % (2.4 %)   100 % (77.4 %)
all hundred and twenty-six                        5377        80.1 % (4306)
the first eight                                   337         68.2 % (230)
the last hundred and eighteen                     5040        80.9 % (4076)
the last forty-eight (five frozen rule sets)      2019        82.7 % (1669)
the shipped rules' sixteen held-out sets          650         87.1 % (566)
================================================  ==========  ===============  ===============

Fixing each set's families after its first run raised that set to 73-100 % but raised the
next first run only a little: each new story and style (a trial, a franceinfo page, a sports
daily, an AFP dispatch) brought constructions the rules had not met. The first eight were most
often missed on a bare noun (*le syndicat*, *l'ONG*, *l'avocate*, *l'universitaire*) that
stands for the body or person named before; a general rule for such descriptions
(``helpers/claims/attribution/epithets.py``: the last person or body a few sentences back that
the noun can describe) came before ``firstrun9``, and the twenty-two first runs after it average
75.6 % (63.6 % to 88.6 %), against 60.2 % for the four before. The misses left are long-tailed:
names the tokenizer or the model cuts (hyphens, apostrophes, a country at a name's end), a
document's author named elsewhere, *on* with a place, descriptions by world knowledge (*le
gendarme du nucléaire*), verbs of saying in disguise (*justifie … par*, *a fait le calcul*).
All hundred and twenty-six first runs together, most of them scored on earlier rules, give the
right speaker for 80.1 % of attributed sentences. The rounds of four that were followed by fixes
scored 73.4 %, 76.4 %, 84.7 %, 79.6 %, 84.9 %, 79.3 %, 86.9 %, 82.5 %, 78.4 %, 82.8 %, 88.1 %,
81.8 %, 81.2 %, 83.5 %, 83.0 %, 86.0 %, 75.3 %, 76.8 %, 75.6 % and 83.2 %: the rules gained on each
round's families (compound nouns kept whole, names after a description, members speaking for
their body, the seat of a local body, a document named again and its publisher, a name the model
splits or misreads) but the next stories brought new ones, so the first-run rate stayed at 75-88 %
per round. The fixes after ``firstrun103`` to ``firstrun110`` were general ones (a
pronoun agreeing with the noun that last named a body or a person, a demonstrative description,
a general noun for the body of the person just quoted, verbs found past the model's misreadings).
``firstrun111`` to ``firstrun126`` stand unfixed as the held-out sets of the rules the course
ships (commit d85dac1), in two rounds of eight: 88.0 % (287 of 326; 85.4 % and 90.5 % for its
halves), then 86.1 % (279 of 324; 86.9 % and 85.4 %), 87.1 % (566 of 650) over the sixteen,
above the issue's 85 %, from 72.5 % to 100 % per set (baseline 5.2 %). The five frozen rule sets
of the last forty-eight first runs scored 82.4 % (517b1fa), 84.5 % (3aa97e5), 76.0 % (84c50b5),
79.5 % (090caa1) and 87.1 % (d85dac1); one story's wording still moves a set by ±15 points, so
expect 80-90 % on a learner's articles, lower on a story in a style none of the sets has.

``firstrun`` was then used to extend the rules (the table above: 100 % is fit). These first-run
scores are the estimate of what to expect on a learner's articles. ``firstrun2``'s misses
(``--errors``): metonyms of ministries by their street (*l'avenue de Ségur*, *rue de Grenelle*),
*a-t-on appris de même source*, *d'après les premières analyses du laboratoire*, a report
*consulté par* a newspaper (the newspaper is not its source), an earlier subject (*le parquet de
Paris*) taken as *le ministère public*, a pronoun *il* given to a union named in between, a
complement (*a notifié l'incident à la CNIL*) taken for a speaker; hedging: *a assuré*, *estime*
(the annotator counted both; the Kursk guidelines count *assurer que* only) and one false alarm.

``firstrun2`` was then used to fix the families behind those misses (branch firstrun2-fixes,
``tests/test_attribution_firstrun2_families.py``: sentences of our own for each family), so it
is now a tuned set. After fixes: speaker 100 % (41/41), hedged 96.8 % (the two misses left are
*a assuré* without *que* and *estime*, which the Kursk guidelines decide); every other set
unchanged (seeds, own and own held-out 100 %, newstories 98.9 %, firstrun 100 %).

``firstrun3`` (frozen at ed3c1ad, after those fixes): 83.8 %. Over the three first runs, 92 of
117 attributed sentences (78.6 %). Its misses: reporting verbs not in the list (*a tempéré*), a
quote whose verb is followed by its addressee (*a assuré à nos confrères…*), *d'après* + a
source after a figure clause, an anonymous source with a relative clause (*un automobiliste qui
suivait le car affirme*, *un vétérinaire du secteur, qui a requis l'anonymat, estime*), an
ordinal cut from a role (*la mère d'une élève de 4e*); hedging: a future in the past
(*a indiqué qu'… seraient*) taken for a hedge.

``firstrun3`` was then used to fix the families behind those misses (branch firstrun3-fixes,
``tests/test_attribution_firstrun3_families.py``: sentences of our own for each family), so it
is now a tuned set. After fixes: speaker 100 % (37/37), hedged 98.3 % (the one miss left is *a
assuré* without *que*, which the Kursk guidelines decide); every other set unchanged (seeds,
own and own held-out 100 %, newstories 98.9 %, firstrun and firstrun2 100 %; no actor table:
seeds 84.2 %, own 94.3 %). The *d'après* miss was not the figure clause: *d'après l'entreprise*
had no antecedent, the company being named only as a complement with its kind in apposition
(*aux Transports Le Goff, une entreprise familiale*), so it went back to the last body quoted.

``firstrun4`` (frozen at 98abcce, after the firstrun3 fixes): 72.7 %; over the four first runs
124 of 161 attributed sentences (77.0 %). It has not been used to change the rules: its README
lists its misses for the next round.

``firstrun4`` was then used to fix the families behind those misses (branch firstrun4-fixes,
``tests/test_attribution_firstrun4_families.py``: sentences of our own for each family), so it
is now a tuned set. After fixes: speaker 95.5 % (42/44), hedged 91.4 % (53/58), no extra
speaker or hedge; every other set unchanged (seeds, own and own held-out 100 %, newstories
98.9 %, firstrun, firstrun2 and firstrun3 100 %; no actor table: seeds 84.2 %, own 94.3 %).
The two speakers left: a partial quote with no cue continuing the sentence before (*La mesure
doit durer « au moins… »*: the same rule gave a speaker to a treaty's words quoted in a seed
article) and an intention announced without a verb of saying (*L'association envisage un
recours*). The five hedges left are *Pour X, …*, *juge*, *évalue à* and *estime que* (twice),
which the Kursk guidelines do not count (one rule cannot satisfy both: the Kursk sets were
kept); *paraît incertaine* (appearance) is now a hedge.

``firstrun5`` and ``firstrun6`` (frozen at 37a6bb6, after the firstrun4 fixes; scored once at
63.8 % and 56.4 %) were then used to fix the families behind their misses (branch
firstrun56-fixes, ``tests/test_attribution_firstrun56_families.py``), so they are now tuned
sets. After fixes: speaker 97.9 % (46/47) and 92.3 % (36/39), hedged 100 % and 98.3 %, no extra
speaker or hedge; every other set unchanged (seeds, own and own held-out 100 %, newstories
98.9 %, firstrun to firstrun3 100 %, firstrun4 95.5 %; no actor table: seeds 84.2 %, own
94.3 %). Left: a pronoun *elle* for an association, *selon l'accusation* (the parquet named
only as a complement), *l'association* for a body the text never calls one, and *ne devrait
pas* (hedged, as the Kursk gold hedges *devraient*).

``firstrun7`` and ``firstrun8`` (frozen at 8b8f3fa, after the firstrun5/6 fixes; scored once at
64.6 % and 54.8 %) were then used to fix the families behind their misses (branch
firstrun78-fixes, ``tests/test_attribution_firstrun78_families.py``), so they are now tuned
sets. After fixes: speaker 79.2 % (38/48) and 81.0 % (34/42), hedged 98.4 % and 96.8 %, no
extra speaker or hedge; every other set unchanged (seeds, own and own held-out 100 %,
newstories 98.9 % (kind 98.9 → 100 %), firstrun to firstrun3 100 %, firstrun4 95.5 %, firstrun5
97.9 %, firstrun6 92.3 %). Fixed: a general noun for a body (*le syndicat*, *l'instance*,
*l'ONG*, *le collectif*) goes back to the body of its kinds named before, else to the last body
quoted by a name alone; *le ministère* → the minister's ministry; *l'avocate* after *Me X*;
names cut at an apostrophe; a named apposition after a body's kind; a body's place; *peste*,
*tacle*, *grince*; the future in the past in a clause the model hangs on a noun. Left: the
hedge of a conditional after *Si …* and *promis que l'État « ne laisserait pas »*, *a « pris
acte » … et rappelé*, *association X* (kept as the earlier golds write it), the Crous's name.

``firstrun9`` to ``firstrun26`` were each fixed after their first run, two or four at a time
(``tests/test_attribution_firstrun{910,1112,1314,1516,1718,1922,2326}_families.py``, sentences
of our own for each family), so they are tuned sets now: 90.0 %, 98.0 %, 93.6 %, 91.1 %, 87.5 %,
79.5 %, 79.1 %, 84.4 %, 83.7 %, 75.6 %, 64.4 %, 90.2 %, 74.5 %, 85.7 %, 75.0 %, 84.4 %, 88.6 %
and 85.1 %, hedged 85.7-100 %, no extra speaker or hedge; every earlier set at or above its
score before (firstrun7 79.2 → 89.6 %, firstrun8 81.0 → 83.3 %; own without the actor table 94.3
→ 95.2 %; hedging: firstrun7 and firstrun8 98.4 %, firstrun10 98.4 %, firstrun12 100 %: the
future in the past after a pluperfect and a conditional after *si* are no longer hedges). The
families: descriptions pointing back (*la soignante*, *le chimiste*, *l'organisation
caritative*, *le gestionnaire des voies*), Breton names kept whole by the tokenizer (*Floc'h*),
names split at a hyphen (*CGT-Cheminots*) or with *&*, names going on with *de*, *pour*, *sans*,
a country ending a name (*Voies navigables de France*), a body named after its group (*SNCF
Voyageurs*), a description and its complement before a name (*l'historien de l'art X*), a
lawyer's title before a name, anonymous people by their trade's ending (*un technicien …, qui
préfère garder l'anonymat, affirme*), who declines to say, who reached a source (*joint par
BFMTV*), *on* after a place (*Chez X, on assure*, *À Dijon, au siège de l'ARS, on…*), a document
named again, *le représentant de l'État*, *selon lui* for a body, *s'assurer que*, a verb of
saying then an infinitive (*dit ne plus rien attendre*).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
import warnings
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from helpers.core.actors import actor, canonical_actor  # noqa: E402
from helpers.core.nlp import parse_many, sentences  # noqa: E402
from helpers.core.text import normalise  # noqa: E402

SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "claims_gold.csv"
OWN = ROOT / "tests" / "data" / "claims_own.csv"
#: Story folders scored like a learner's folder (``claims.csv`` beside the articles).
EVAL_DIR = ROOT / "tests" / "data" / "eval"
NEW_STORIES = EVAL_DIR / "newstories"
#: The first row of the own set written after the rules were frozen (the held-out batches).
OWN_HELD_OUT = 45


# ----------------------------------------------------------------------------- data


def read_annotations(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df["hedged"] = df["hedged"].map({"True": True, "False": False})
    if df["hedged"].isna().any():
        raise ValueError(f"{path.name}: hedged must be True or False")
    return df


def seed_corpus() -> pd.DataFrame:
    """The five seed articles as they are on disk (raw text, titles and residue included)."""
    files = sorted(SEEDS.glob("*.txt"))
    return pd.DataFrame({"article_id": [f.stem for f in files],
                         "text": [f.read_text(encoding="utf-8") for f in files]})


def own_corpus(own: pd.DataFrame) -> pd.DataFrame:
    """One short text per ``article_id`` of the own set: its sentences joined by a space."""
    grouped = own.groupby("article_id", sort=False)["sentence"].apply(" ".join)
    return pd.DataFrame({"article_id": grouped.index, "text": grouped.values})


def eval_corpus(folder: Path) -> pd.DataFrame:
    """A story folder as a learner's: read by the course's loader (``load_corpus``), each
    article's headline put back above its text (the annotation covers the headline too)."""
    from helpers.sources.corpus import load_corpus

    with warnings.catch_warnings():  # claims.csv and figures.csv are not articles
        warnings.simplefilter("ignore")
        corpus = load_corpus(folder)
    corpus = corpus.copy()
    corpus["text"] = [f"{title}\n\n{text}" if title else text
                      for title, text in zip(corpus["title"], corpus["text"], strict=True)]
    return corpus


def read_eval(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The annotations (``claims.csv``) and the corpus of an evaluation folder."""
    gold = read_annotations(Path(folder) / "claims.csv")
    if "alternatives" not in gold.columns:
        gold["alternatives"] = ""
    return gold, eval_corpus(Path(folder))


def locate(sentence: str, text: str) -> tuple[int, int] | None:
    """Character span of a gold sentence in a (normalised) article, white space tolerant."""
    words = normalise(sentence).split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, normalise(text))
    return (m.start(), m.end()) if m else None


# ----------------------------------------------------------------------------- baseline


def baseline_claims(corpus: pd.DataFrame, docs) -> pd.DataFrame:
    """Naive tagging: the ``nsubj`` of the sentence's first reporting verb; ``Mood=Cnd``."""
    from helpers.claims.attribution import reporting_verbs

    verbs = reporting_verbs()
    rows = []
    for article_id, doc in zip(corpus["article_id"], docs, strict=True):
        for i, sent in enumerate(sentences(doc)):
            speaker = ""
            for tok in sent:
                if tok.lemma_ in verbs:
                    subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubj:pass"}),
                                None)
                    if subj is not None:
                        speaker = canonical_actor(doc[subj.left_edge.i : subj.right_edge.i + 1]
                                                  .text)
                    break
            found = actor(speaker) if speaker else None
            rows.append({
                "article_id": article_id, "sentence_id": i, "sentence": sent.text.strip(),
                "speaker": speaker, "speaker_kind": found.kind if found else "",
                "hedged": any("Cnd" in t.morph.get("Mood") for t in sent),
                "start_char": sent.start_char + len(sent.text) - len(sent.text.lstrip()),
                "end_char": sent.start_char + len(sent.text.rstrip()),
            })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- scoring


def fold(name: str) -> str:
    """A name compared without accents, case or a leading article (``l'Insee`` = ``INSEE``)."""
    text = unicodedata.normalize("NFKD", normalise(name or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = " ".join(text.split())
    return re.sub(r"^(?:l'|le |la |les |un |une |des |du |de |d')", "", text).strip()


def same_speaker(gold: str, predicted: str, alternatives: str = "",
                 aliases: dict[str, str] | None = None) -> bool:
    """Is ``predicted`` the gold speaker: equal after :func:`fold` to the gold name or one of
    its ``|``-separated alternatives, or an alias of the same actor (the story's table, or
    ``aliases``: folded name → actor, e.g. :func:`found_aliases`)?"""
    if strict_same(gold, predicted, alternatives):
        return True
    if not gold or not predicted:
        return False
    golds = [n for n in [gold, *alternatives.split("|")] if n]
    same = {fold(canonical_actor(n)) for n in golds}
    if fold(canonical_actor(predicted)) in same:
        return True
    aliases = aliases or {}
    found = aliases.get(fold(predicted))
    return found is not None and any(aliases.get(fold(n)) == found for n in golds)


def strict_same(gold: str, predicted: str, alternatives: str = "") -> bool:
    """The gold name or one of its alternatives, after :func:`fold` only."""
    if not gold or not predicted:
        return not gold and not predicted
    return fold(predicted) in {fold(n) for n in [gold, *alternatives.split("|")] if n}


def found_aliases(actors: pd.DataFrame) -> dict[str, str]:
    """Folded name or alias → actor, from a table of
    :func:`helpers.claims.story_actors.story_actors` (what the scorer calls "an alias of the same
    found actor")."""
    out = {}
    for name, aliases in zip(actors["name"], actors["aliases"], strict=True):
        for n in [name, *aliases]:
            out.setdefault(fold(n), name)
    return out


def _inside(row_start: int, row_end: int, text: str, span: tuple[int, int]) -> bool:
    """Is most of the row's visible text inside the gold span?"""
    chars = [k for k in range(row_start, row_end) if not text[k].isspace()]
    if not chars:
        return False
    inside = sum(span[0] <= k < span[1] for k in chars)
    return inside * 2 > len(chars)


def _without_removed(sentence: str, removed) -> str:
    """The gold sentence without what the loader cut out of the article's text (an agency's
    dateline opening the first sentence: the annotators kept it, the body does not)."""
    out = normalise(sentence)
    for item in removed if isinstance(removed, list) else []:
        piece = " ".join(normalise(str(item.get("text", ""))).split())
        if piece:
            out = " ".join(out.split()).replace(piece, " ")
    return out


def align(gold: pd.DataFrame, corpus: pd.DataFrame, table: pd.DataFrame,
          aliases: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per gold sentence with the prediction of ``table`` beside it (and the rows of
    ``table`` outside every gold sentence, flagged ``in_gold=False``); ``aliases`` as for
    :func:`same_speaker`."""
    texts = {a: normalise(t) for a, t in zip(corpus["article_id"], corpus["text"], strict=True)}
    removed = dict(zip(corpus["article_id"], corpus["removed"], strict=True)) \
        if "removed" in corpus else {}
    out = []
    used: set[tuple[str, int]] = set()
    for g in gold.itertuples(index=False):
        text = texts[g.article_id]
        span = locate(g.sentence, text) or locate(
            _without_removed(g.sentence, removed.get(g.article_id)), text)
        if span is None:
            raise ValueError(f"gold sentence not found in {g.article_id}: {g.sentence[:60]!r}")
        rows = table[table["article_id"] == g.article_id]
        mine = rows[[_inside(s, e, text, span) for s, e in zip(rows["start_char"],
                                                                 rows["end_char"], strict=True)]]
        used.update((g.article_id, i) for i in mine["sentence_id"])
        speakers = [s for s in mine["speaker"] if s]
        kinds = [k for s, k in zip(mine["speaker"], mine["speaker_kind"], strict=True) if s]
        out.append({
            "article_id": g.article_id, "sentence": g.sentence, "in_gold": True,
            "gold_speaker": g.speaker, "gold_kind": g.speaker_kind, "gold_hedged": g.hedged,
            "alternatives": getattr(g, "alternatives", ""),
            "speaker": speakers[0] if speakers else "", "speaker_kind": kinds[0] if kinds else "",
            "hedged": bool(mine["hedged"].any()),
        })
    for r in table.itertuples(index=False):
        if (r.article_id, r.sentence_id) in used or not re.search(r"\w", r.sentence):
            continue
        out.append({
            "article_id": r.article_id, "sentence": r.sentence, "in_gold": False,
            "gold_speaker": "", "gold_kind": "", "gold_hedged": False, "alternatives": "",
            "speaker": r.speaker, "speaker_kind": r.speaker_kind, "hedged": bool(r.hedged),
        })
    df = pd.DataFrame(out)
    df["speaker_ok"] = [same_speaker(g, p, a, aliases) for g, p, a in zip(
        df["gold_speaker"], df["speaker"], df["alternatives"], strict=True)]
    df["strict_ok"] = [strict_same(g, p, a) for g, p, a in zip(
        df["gold_speaker"], df["speaker"], df["alternatives"], strict=True)]
    df["kind_ok"] = df["gold_kind"] == df["speaker_kind"]
    df["hedged_ok"] = df["gold_hedged"] == df["hedged"]
    return df


def score(aligned: pd.DataFrame) -> dict:
    gold = aligned[aligned["in_gold"]]
    attributed = gold[gold["gold_speaker"] != ""]
    outside = aligned[~aligned["in_gold"]]
    return {
        "sentences": len(gold),
        "attributed": len(attributed),
        "speaker": attributed["speaker_ok"].mean(),
        "strict": attributed["strict_ok"].mean(),
        "kind": attributed["kind_ok"].mean(),
        "speaker_all": gold["speaker_ok"].mean(),
        "hedged": gold["hedged_ok"].mean(),
        "extra_speakers": int((outside["speaker"] != "").sum()),
        "extra_hedges": int(outside["hedged"].sum()),
    }


def _sets(folders) -> dict:
    """name → (annotations, corpus, every sentence annotated?, story folder)."""
    own = read_annotations(OWN)
    sets = {"seeds": (read_annotations(GOLD), seed_corpus(), False, SEEDS),
            "own": (own, own_corpus(own), True, SEEDS)}
    for folder in folders:
        gold, corpus = read_eval(folder)
        sets[Path(folder).name] = (gold, corpus, True, Path(folder))
    return sets


def _own_held_out(aligned: pd.DataFrame) -> pd.DataFrame:
    number = aligned["article_id"].str.extract(r"own-(\d+)", expand=False).astype(float)
    return aligned[number >= OWN_HELD_OUT]


def _tables(corpus: pd.DataFrame, docs) -> tuple[dict, dict[str, str]]:
    """tag_claims and the baseline on ``corpus``, and the aliases of the actors found."""
    from helpers.claims import tag_claims
    from helpers.claims.story_actors import story_actors

    mentions: list = []
    claims = tag_claims(corpus, docs=docs, mentions=mentions)
    found = story_actors(claims, pd.DataFrame(mentions))
    return {"tag_claims": claims, "baseline": baseline_claims(corpus, docs)}, found_aliases(found)


def _table_aliases() -> dict[str, str]:
    """The Kursk table's names as the annotation's equivalents (for the run without it: the
    gold names are that table's canonical names)."""
    from helpers.core.datafiles import read_rows

    out = {}
    for row in read_rows(SEEDS / "actors.csv"):
        for n in [row["canonical"], *row["aliases"].split("|")]:
            if n:
                out.setdefault(fold(n), row["canonical"])
    return out


def _without_table() -> Path:
    """A copy of the course's story folder without its actor table."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="story-without-table-")) / "seeds"
    shutil.copytree(SEEDS, folder, ignore=shutil.ignore_patterns("actors.csv",
                                                                  "english_aliases.csv"))
    return folder


def _score_set(name, gold, corpus, complete, story, results, details, extra=None) -> None:
    from helpers.core.story import story_in_use

    corpus = corpus.copy()
    corpus.attrs = {}  # the story is the one given here
    with story_in_use(story):
        docs = parse_many(corpus["text"].tolist())
        tables, aliases = _tables(corpus, docs)
        for system, table in tables.items():
            aligned = align(gold, corpus, table, {**aliases, **(extra or {})})
            if complete:  # every sentence is annotated: nothing is outside
                aligned = aligned[aligned["in_gold"]]
            details[(name, system)] = aligned
            results.append({"set": name, "system": system, **score(aligned)})
            if name.startswith("own"):
                held = _own_held_out(aligned)
                label = name.replace("own", "own held-out")
                details[(label, system)] = held
                results.append({"set": label, "system": system, **score(held)})


def evaluate(folders=(NEW_STORIES,), without_table: bool = False) -> tuple[pd.DataFrame, dict]:
    """Score tag_claims and the baseline on the Kursk sets and on each story folder of
    ``folders`` (each read as its own story); with ``without_table``, the Kursk sets again with
    the course's actor table removed. Returns the table and the aligned rows."""
    results, details = [], {}
    sets = _sets(folders)
    for name, (gold, corpus, complete, story) in sets.items():
        _score_set(name, gold, corpus, complete, story, results, details)
    if without_table:
        bare, known = _without_table(), _table_aliases()
        for name in ("seeds", "own"):
            gold, corpus, complete, _ = sets[name]
            _score_set(f"{name} (no table)", gold, corpus, complete, bare, results, details,
                       extra=known)
    return pd.DataFrame(results), details


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="list every sentence it gets wrong")
    parser.add_argument("--eval", action="append", type=Path, metavar="FOLDER",
                        help="a story folder with claims.csv beside its articles (repeatable; "
                             f"default: {NEW_STORIES.relative_to(ROOT)})")
    parser.add_argument("--without-story-table", action="store_true",
                        help="also score the Kursk sets with the course's actors.csv removed")
    return parser.parse_args(argv)


def main(argv: list[str]) -> None:
    from helpers.core.nlp import get_nlp

    args = _arguments(argv)
    get_nlp()
    started = time.perf_counter()
    table, details = evaluate(args.eval or (NEW_STORIES,), args.without_story_table)
    elapsed = time.perf_counter() - started
    shown = table.copy()
    for col in ("speaker", "strict", "kind", "speaker_all", "hedged"):
        shown[col] = shown[col].map(lambda x: f"{x:.1%}")
    print("Claim tagging accuracy (speaker, strict and kind over attributed sentences; "
          "speaker_all and hedged over all gold sentences; strict: the gold name or its "
          "alternatives only, no alias)")
    print(shown.to_string(index=False))
    print(f"\n(evaluated in {elapsed:.1f} s, parsing included)")
    if args.errors:
        for (name, system), aligned in details.items():
            if system != "tag_claims":
                continue
            wrong = aligned[~(aligned["speaker_ok"] & aligned["hedged_ok"])]
            print(f"\n== {name}: {len(wrong)} sentences with a wrong speaker or hedge")
            for r in wrong.itertuples(index=False):
                print(f"- [{r.article_id}] {r.sentence[:110]!r}\n    gold: {r.gold_speaker!r}"
                      f" hedged={r.gold_hedged}  got: {r.speaker!r} hedged={r.hedged}")


if __name__ == "__main__":
    main(sys.argv[1:])
