/**
 * The words of closers, per language (docs/rules/agenda.md#closers): acknowledgement, thanks, agreement,
 * greetings and good wishes, and the small words that hold them together ("thank you so much for sharing").
 * Written as people type them; closers.ts folds case and accents of both sides the same way. Phrases (more
 * than one word) are taken out first, so a word that is only a closer inside a phrase ("de nada", "koi baat
 * nahi") need not be a closer word on its own.
 */

export interface CloserLanguage {
  /** Words that make a message a closer when every word of it is one of them. */
  words: string;
  /** Phrases that are a closer together though not word by word. */
  phrases: readonly string[];
  /** Request wording: any of these makes the message need an answer ("could you", "please"…). */
  requests: readonly string[];
  /** Whole messages that are closers though their word is request wording elsewhere ("Bitte!"). */
  alone?: readonly string[];
}

export const CLOSER_LANGUAGES: Readonly<Record<string, CloserLanguage>> = {
  english: {
    words: `thanks thank thanx thnx thx tnx tks ty tysm thankyou cheers ok okay okey okie oki k kk okk sure yes
      yeah yep yup ya yea noted great good cool nice awesome perfect excellent wonderful fantastic brilliant
      amazing lovely fine alright right agreed agree absolutely definitely certainly welcome youre pleasure
      anytime hi hello hey hiya morning evening night afternoon day bye goodbye byee cya later soon care
      best regards wishes warm kind congrats congratulations happy birthday merry christmas diwali eid holi
      new year luck likewise too oh ah aha hmm hm hmmm haha hahaha lol wow so much very a lot many again the
      your you for and same really indeed true exactly well appreciate appreciated glad to hear that it is
      this sharing connecting connection accepting invite invitation info information update help reply
      response time words message note support feedback advice tips link details reminder offer dear sir madam maam mam man bro buddy friend all have great
      weekend week done will do thing there gm gn sounds was too got understood ack acknowledged received sorted awesome
      blessings stay safe healthy enjoy wish wishing yours truly sincerely greetings to`,
    phrases: [
      'no problem',
      'no worries',
      'no prob',
      'np',
      'of course',
      'see you',
      'see ya',
      'talk soon',
      'same here',
      'you too',
      'my pleasure',
      'all good',
      'thumbs up',
    ],
    requests: [
      'could you',
      'can you',
      'can we',
      'could we',
      'would you',
      'will you',
      'let me know',
      'let us know',
      'please',
      'pls',
      'plz',
      'kindly',
      'do you',
      'are you',
      'send me',
      'call me',
      'tell me',
      'i need',
      'we need',
    ],
  },
  german: {
    words: `danke dankeschon dank vielen herzlichen herzlich schon sehr super gut ok okay alles klar ja genau prima
      toll perfekt gerne gern passt hallo hi hey servus moin tschuss ciao bis bald gute guten nacht morgen tag
      abend schonen schones wochenende viele gruße grusse gruss lg vg mfg glückwunsch gluckwunsch gute
      verstanden einverstanden stimmt wunderbar freut mich fur die das dir ihnen euch auch dito gleichfalls
      ebenso liebe lieben beste besten wunsche frohe weihnachten neues jahr erfolg notiert erledigt
      geburtstag alle und`,
    alone: ['bitte', 'bitte bitte', 'danke bitte'],
    phrases: [
      'gern geschehen',
      'kein problem',
      'bitte schon',
      'bitte sehr',
      'bitteschon',
      'in ordnung',
      'alles gute',
    ],
    requests: [
      'bitte',
      'konnten sie',
      'konnen sie',
      'kannst du',
      'konntest du',
      'konnen wir',
      'wurden sie',
      'wurdest du',
      'sag mir',
      'sagen sie mir',
      'gib mir bescheid',
      'geben sie mir bescheid',
      'schick mir',
      'schicken sie',
    ],
  },
  french: {
    words: `merci beaucoup mille fois daccord ok oui parfait super genial top tres bien bon bonne journee soiree
      nuit bonjour bonsoir salut coucou bientot plaisir entendu compris note bravo felicitations cordialement
      amities bises excellent volontiers pareil egalement toi vous aussi pour le la les a de et ca marche
      sympa recu annee anniversaire joyeux joyeuses fetes week end`,
    phrases: [
      'au revoir',
      'a bientot',
      'avec plaisir',
      'de rien',
      'je vous en prie',
      'je ten prie',
      'pas de probleme',
      'pas de souci',
      'pas de soucis',
      'bien recu',
      'bonne continuation',
    ],
    requests: [
      'pourriez vous',
      'pouvez vous',
      'peux tu',
      'pourrais tu',
      'pourrions nous',
      'pouvons nous',
      'sil vous plait',
      'sil te plait',
      'svp',
      'stp',
      'merci de',
      'tenez moi',
      'tiens moi',
      'dites moi',
      'dis moi',
      'envoyez moi',
      'envoie moi',
    ],
  },
  spanish: {
    words: `gracias muchas muchisimas mil ok vale si claro perfecto genial excelente bien muy bueno buena buenos
      buenas dias tardes noches hola adios chao chau hasta luego pronto igualmente por todo saludos un una
      abrazo abrazos felicidades enhorabuena felicitaciones entendido listo dale gusto ti usted tambien feliz
      cumpleanos navidad ano nuevo que te vaya de acuerdo`,
    phrases: [
      'de nada',
      'con gusto',
      'a ti',
      'no hay problema',
      'sin problema',
      'hasta pronto',
      'hasta luego',
    ],
    requests: [
      'podrias',
      'podria',
      'puedes',
      'puede usted',
      'pueden',
      'podemos',
      'por favor',
      'porfa',
      'avisame',
      'me avisas',
      'me avisa',
      'hazmelo saber',
      'enviame',
      'mandame',
      'dime',
    ],
  },
  portuguese: {
    words: `obrigado obrigada muito muita valeu brigado brigada ok sim claro perfeito otimo beleza blz combinado
      certo ta bom boa dia tarde noite ola oi tchau ate logo mais abraco abracos abs parabens entendido tudo
      bem igualmente pra voce tambem show legal feliz fim semana de e um grande`,
    phrases: ['de nada', 'por nada', 'sem problema', 'sem problemas', 'ate mais', 'ate logo'],
    requests: [
      'poderia',
      'poderiamos',
      'pode me',
      'podes',
      'voce pode',
      'por favor',
      'me avise',
      'me avisa',
      'me manda',
      'me envie',
      'envie',
      'me diga',
      'me fala',
    ],
  },
  italian: {
    words: `grazie mille tante tanto ok va bene si certo perfetto ottimo benissimo ciao buongiorno buonasera
      buonanotte buona giornata serata notte arrivederci presto prego figurati figuriamoci daccordo capito
      ricevuto complimenti auguri saluti cordiali un abbraccio anche te lei altrettanto volentieri piacere
      tanti bellissimo fantastico a di e buon compleanno natale anno`,
    phrases: ['di niente', 'di nulla', 'nessun problema', 'con piacere', 'a presto', 'a te', 'va bene'],
    requests: [
      'potresti',
      'potrebbe',
      'puoi',
      'puo',
      'possiamo',
      'per favore',
      'per piacere',
      'fammi sapere',
      'mi fai sapere',
      'mi faccia sapere',
      'mandami',
      'inviami',
      'dimmi',
    ],
  },
  dutch: {
    words: `dank dankjewel dankje bedankt hartelijk heel erg veel ok oke prima top goed super ja zeker akkoord
      helder duidelijk begrepen genoteerd hoi hallo hey doei dag tot ziens snel later goedemorgen goedemiddag
      goedenavond goede welterusten fijne fijn avond weekend groeten groetjes gefeliciteerd succes jij u ook
      voor je wel mooi leuk perfect gezellig en een gelukkig nieuwjaar verjaardag`,
    phrases: ['dank je wel', 'dank u wel', 'graag gedaan', 'geen probleem', 'geen dank', 'tot ziens'],
    requests: [
      'kun je',
      'kunt u',
      'kunnen we',
      'zou je',
      'zou u',
      'wil je',
      'wilt u',
      'alsjeblieft',
      'alstublieft',
      'aub',
      'laat me weten',
      'laat het me weten',
      'laat maar weten',
      'stuur me',
    ],
  },
  hindi: {
    words: `theek thik hai h haan han haa ji achha acha accha achchha shukriya dhanyavaad dhanyavad dhanyawad
      bahut bohot bahot badhiya badiya sahi namaste namaskar shubh ratri subah suprabhat alvida milte hain
      phir bilkul zaroor jarur mast shabash badhai mubarak ho aapko aap bhi ko ka ke ki dost bhai sir hanji
      ha hn chalo sab diwali holi eid janmdin`,
    phrases: ['koi baat nahi', 'koi nahi', 'ram ram', 'shubh ratri', 'good night ji'],
    requests: [
      'kya aap',
      'kya tum',
      'kya',
      'kar sakte',
      'kar sakti',
      'kar do',
      'kardo',
      'kar dijiye',
      'bhej do',
      'bhejo',
      'bhej dijiye',
      'bata do',
      'batana',
      'batao',
      'bataiye',
      'zara',
      'please',
    ],
  },
};
