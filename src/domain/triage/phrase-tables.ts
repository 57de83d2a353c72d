/**
 * The stock phrases of invitation notes, as patterns over folded lower-case words (see generic-note.ts):
 * requests to connect (LinkedIn's defaults and their variants, in thirteen languages), courtesies, greetings.
 */

const NETWORK_ADJ = '(?:(?:professional|linkedin|business|personal) )*';
const ON_LINKEDIN = '(?: (?:on|via|through) linkedin| here)?';
const I_WOULD = '(?:i d|id|i would|i|i really|i d really|i would really|i d very much|i would very much)';

/** Requests to connect, in English, German, French, Spanish, Portuguese, Italian, Dutch, Swedish, Norwegian, Danish, Finnish, Polish and Turkish. */
export const TEMPLATE_PHRASES: readonly string[] = [
  // English, the LinkedIn defaults and their variants
  `${I_WOULD} (?:like|love|want|wish) to (?:add you to|invite you to join|invite you to|include you in|welcome you to|have you in) (?:my|our) ${NETWORK_ADJ}network${ON_LINKEDIN}`,
  `${I_WOULD} (?:like|love|want) to (?:join|be part of|become part of|be a part of) your ${NETWORK_ADJ}network${ON_LINKEDIN}`,
  `(?:${I_WOULD} |would )?(?:like|love|want|be happy|be glad|be delighted|be keen|be pleased|be honored|be honoured) to (?:connect|be connected|get connected|link up|network)(?: with you)?${ON_LINKEDIN}`,
  `(?:happy|glad|keen|great|pleased|nice) to connect(?: with you)?${ON_LINKEDIN}`,
  `(?:it )?would be (?:great|nice|a pleasure|an honou?r) to (?:connect|be connected|have you in my network)(?: with you)?${ON_LINKEDIN}`,
  `(?:let s|lets|let us) connect${ON_LINKEDIN}`,
  `(?:please )?(?:accept|consider) my (?:invitation|invite|request|connection request)(?: to connect)?${ON_LINKEDIN}`,
  `(?:i m|i am) inviting you to (?:connect|join my ${NETWORK_ADJ}network)${ON_LINKEDIN}`,
  `(?:i )?wanted to invite you to join my ${NETWORK_ADJ}network${ON_LINKEDIN}`,
  `(?:join|joining) my ${NETWORK_ADJ}network${ON_LINKEDIN}`,
  `(?:${I_WOULD} (?:like|love|want) to|(?:i m|i am) (?:looking|hoping|trying) to|(?:i m|i am)) (?:expand|grow|extend|build|expanding|growing|extending|building) my ${NETWORK_ADJ}network${ON_LINKEDIN}`,
  `(?:i m|i am) (?:always )?(?:looking to connect|keen to connect|connecting) with (?:like minded |other |fellow )?(?:professionals|people|leaders|experts)(?: in (?:my|our|the|your) (?:field|industry|area|space))?`,
  `(?:i )?would like to connect with you${ON_LINKEDIN}`,
  // German: "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen."
  `(?:ich (?:mochte|wurde|will) (?:sie|dich|ihnen)|gerne? (?:mochte|wurde) ich (?:sie|dich)) (?:gerne |gern )?(?:zu|in) mein(?:em|e)? (?:beruflichen |berufliches |professionellen |professionelles )?netzwerk(?: (?:auf|bei) linkedin)? (?:hinzufugen|aufnehmen|einladen)`,
  `(?:ich (?:mochte|wurde) mich|gerne? (?:mochte|wurde) ich mich|lass uns|lassen sie uns) (?:gerne |gern )?(?:mit (?:ihnen|dir) )?(?:(?:auf|bei) linkedin |hier )?vernetzen`,
  // French: "J'aimerais vous inviter à rejoindre mon réseau professionnel."
  `(?:j aimerais|je souhaiterais|je voudrais|je souhaite|je veux) (?:vous|t|te) (?:inviter a rejoindre|ajouter a) mon reseau(?: professionnel)?(?: sur linkedin)?`,
  `(?:j aimerais|je souhaiterais|je voudrais|je souhaite) (?:rejoindre votre reseau(?: professionnel)?|me connecter avec (?:vous|toi)|entrer en contact avec (?:vous|toi)|vous compter parmi mes (?:relations|contacts))(?: sur linkedin)?`,
  // Spanish: "Me gustaría añadirte a mi red profesional."
  `(?:me gustaria|quisiera|quiero) (?:anadirte|agregarte|anadirle|agregarle|invitarte a unirte|invitarle a unirse) a (?:mi red|mis contactos)(?: profesional(?:es)?)?(?: (?:de|en) linkedin)?`,
  `(?:me gustaria|quisiera|quiero) (?:conectar|conectarme) (?:contigo|con usted)(?: en linkedin)?`,
  // Portuguese: "Gostaria de adicioná-lo à minha rede profissional no LinkedIn."
  `(?:gostaria de|quero|queria) (?:adiciona lo|adiciona la|adicionar voce|te adicionar|adicionar te|convida lo|te convidar para participar) (?:a|na|em) minha rede(?: profissional)?(?: no linkedin)?`,
  `(?:gostaria de|quero|queria) (?:me )?conectar com (?:voce|o senhor|a senhora)(?: no linkedin)?`,
  // Italian: "Vorrei aggiungerti alla mia rete professionale su LinkedIn."
  `(?:vorrei|mi piacerebbe|desidero) (?:aggiungerti alla|aggiungerla alla|invitarti a far parte della|invitarla a far parte della|invitarti nella|invitarla nella) mia rete(?: professionale)?(?: su linkedin)?`,
  `(?:vorrei|mi piacerebbe) (?:collegarmi|connettermi|entrare in contatto) con (?:te|lei)(?: su linkedin)?`,
  // Dutch: "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn."
  `(?:ik wil|ik zou) (?:je|u|jou) (?:graag )?(?:willen )?(?:toevoegen aan|uitnodigen voor) mijn (?:professionele )?netwerk(?: op linkedin)?`,
  `graag (?:voeg ik (?:je|u) toe|nodig ik (?:je|u) uit) (?:aan|voor) mijn (?:professionele )?netwerk(?: op linkedin)?`,
  `(?:ik wil|ik zou) graag (?:met (?:je|u) )?(?:willen )?(?:connecten|verbinden|linken)(?: met (?:je|u))?(?: op linkedin)?`,
  // Swedish: "Jag vill gärna lägga till dig i mitt professionella nätverk på LinkedIn."
  `jag (?:vill|skulle vilja) (?:garna )?(?:lagga till dig|bjuda in dig) (?:i|till) mitt (?:professionella )?natverk(?: pa linkedin)?`,
  `jag (?:vill|skulle vilja) (?:garna )?(?:ansluta|knyta kontakt|koppla ihop oss)(?: med dig)?(?: pa linkedin)?`,
  // Norwegian and Danish
  `jeg vil (?:gjerne )?(?:legge deg til|invitere deg til) (?:i )?(?:mitt )?(?:profesjonelle )?nettverk(?: pa linkedin)?`,
  `jeg vil (?:gerne )?(?:tilfoje dig til|invitere dig til) (?:mit )?(?:professionelle )?netvaerk(?: pa linkedin)?`,
  // Finnish, Polish, Turkish
  `haluaisin (?:lisata sinut|kutsua sinut) (?:ammatilliseen )?verkostooni(?: linkedinissa)?`,
  `(?:chcialbym|chcialabym|chce) (?:dodac cie|zaprosic cie) do (?:mojej )?(?:sieci )?(?:zawodowej|kontaktow)(?: na linkedin)?`,
  `(?:sizi|seni) linkedin deki (?:profesyonel )?agima eklemek istiyorum`,
];

/** Courtesies and filler that say nothing about why the sender writes. */
export const COURTESY_PHRASES: readonly string[] = [
  'thanks?(?: you)?(?: (?:so|very) much)?(?: in advance)?(?: for (?:your time|considering|accepting|reading|connecting))?',
  'many thanks',
  'best(?: regards| wishes)?',
  '(?:kind|warm|warmest|warm and kind) regards',
  'regards',
  'cheers',
  'all the best',
  'sincerely',
  '(?:have a )?(?:great|nice|good|wonderful|lovely) (?:day|week|weekend)',
  '(?:i )?(?:look|looking) forward to (?:connecting|hearing from you|staying in touch|being connected|it)(?: with you)?',
  '(?:i )?hope (?:you re|you are|this (?:message |note )?finds you|all is) (?:well|doing well|good)',
  '(?:i )?came across your profile(?: on linkedin)?',
  'since (?:you re|you are) a person i trust',
  '(?:i )?(?:just )?wanted to (?:reach out|say hi|say hello)',
  'greetings',
  'and|so|also|just|please|linkedin|on linkedin|here|too|as well|today|again',
  'danke(?: schon)?|vielen dank|(?:viele|beste|liebe|herzliche|schone) grusse|mit freundlichen grussen|lg|vg|gruss|einen schonen tag',
  'merci(?: beaucoup)?|cordialement|bien cordialement|bien a vous|bonne journee|belle journee|au plaisir|a bientot',
  'gracias|muchas gracias|saludos|un saludo|atentamente|un abrazo',
  'obrigad[oa]|abracos?|atenciosamente|cumprimentos|att',
  'grazie(?: mille)?|saluti|cordiali saluti|un saluto|buona giornata',
  'groeten|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|groetjes|bedankt|dank (?:je|u)',
  'tack(?: sa mycket)?|mvh|med vanliga halsningar|vanliga halsningar|halsningar|hals|ha en bra dag',
  'takk|hilsen|med vennlig hilsen|venlig hilsen|kiitos|terveisin|pozdrawiam|dziekuje|tesekkurler|saygilarimla',
];

export const GREETING =
  '(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening|day)|greetings|hallo|liebe|lieber|sehr geehrte[rs]?|guten (?:tag|morgen)|moin|servus|bonjour|bonsoir|salut|chere?|madame|monsieur|hola|buenos dias|buenas(?: tardes)?|estimad[oa]|querid[oa]|hej|hejsan|halla|tjena|god dag|hei|moi|hoi|beste|geachte|goedendag|goedemorgen|dag|ola|oi|bom dia|boa tarde|prezad[oa]|car[oa]|ciao|salve|buongiorno|gentile|gentilissim[oa]|witam|dzien dobry|czesc|merhaba|ahoj)';

/** Words that cannot be part of a name after "Hi": "Hi we met…" is not "Hi <name>". */
export const NOT_A_NAME = new Set(
  'i we you my our your me it this that met saw at from the a an in on to and for of with ich wir je nous jag vi ik yo eu io thanks thank'.split(
    ' ',
  ),
);
