/**
 * Every command's --help in Spanish: its description, each argument (by its name), each option (by its long flag),
 * and the examples, keyed by the command's path ('' for the program, 'team words add'). The flags, the placeholders
 * (<person>, [options]), the codes an option takes (recruitment, leader, yes) and the example commands stay as they
 * are typed; the words in quoted example values are Spanish where an organizer would write them so, and the guide
 * named is the Spanish one a run in Spanish uses (reunion-uno-a-uno).
 * src/support/help-language.ts puts them on commander's tree; test/unit/messages/help-catalogue.test.ts fails when a
 * command, argument, option or example has no Spanish here, or when this names one that no longer exists.
 */
import type { HelpWords } from '../../support/help-language.js';

/** As src/cli.ts's example(): the heading, then each command line. */
function ejemplo(...lines: string[]): string {
  return `\nEjemplo${lines.length > 1 ? 's' : ''}:\n${lines.map((line) => `  $ ${line}`).join('\n')}`;
}

const JSON_ES = 'lo muestra como JSON';

export const HELP_ES: HelpWords = {
  chrome: {
    titles: { 'Usage:': 'Uso:', 'Arguments:': 'Argumentos:', 'Options:': 'Opciones:', 'Global Options:': 'Opciones globales:', 'Commands:': 'Comandos:' },
    helpOption: 'muestra la ayuda del comando',
    helpCommand: 'muestra la ayuda de un comando',
    extras: { choices: 'opciones', default: 'por omisión', preset: 'sin valor', env: 'variable' },
  },
  commands: {
    '': {
      description: 'Un coach para las reuniones uno a uno de organización: prepararlas, llevarlas, registrarlas y darles seguimiento.',
      options: {
        '--version': 'muestra la versión',
        '--db': 'el archivo de la base de datos o un URL postgres:// (por omisión: $ONEONONE_DB, si no el db del archivo de configuración, si no $XDG_DATA_HOME/oneonone/oneonone.db)',
        '--no-color': 'sin colores (también cuando NO_COLOR está definida, con TERM=dumb o cuando la salida no es una terminal)',
        '--lang': 'el idioma: en o es (por omisión: $ONEONONE_LANG, si no el del sistema: es_MX.UTF-8 es es, si no en)',
      },
      after: `
Cada mañana:              oneonone followups
Antes de un uno a uno:    oneonone start "Ana Ruiz"
Después de un uno a uno:  oneonone log "Ana Ruiz" --value "la seguridad de sus hijos" --ask "venir a la junta de inquilinos" --ask-due "jueves 7pm" --outcome yes
Tus datos se quedan en un archivo privado en esta computadora; no se envía nada a ningún lado.`,
    },

    // ── la reunión ──
    start: {
      description: 'lleva una reunión uno a uno: la preparación, luego una pantalla por fase con cuenta regresiva y el reloj de la regla 80/20, la solicitud y el repaso',
      arguments: { person: 'con quién te reúnes (un nombre o #id); si no lo das, se te pregunta' },
      options: {
        '--template': 'la guía de reunión que vas a seguir (por omisión: $ONEONONE_TEMPLATE, si no la guía del archivo de configuración, si no se te pregunta; ver: oneonone templates)',
        '--minutes': 'cuántos minutos dura la reunión; las fases se ajustan (por omisión: $ONEONONE_MINUTES, si no los minutos del archivo de configuración, si no se te pregunta)',
        '--goal': 'para qué es esta reunión',
        '--plan-ask': 'la solicitud que piensas hacer, anotada antes de empezar',
        '--resume': 'sigue con la última reunión sin terminar (o con la de este id)',
        '--discard': 'desecha una reunión sin terminar (un borrador) y todo lo anotado en ella',
        '--new': 'la persona es nueva, aunque el nombre sea el de alguien conocido o uno parecido (un tocayo)',
        '--plain': 'sin redibujar en el lugar ni animaciones: una línea en cada momento (también con TERM=dumb)',
      },
      after: ejemplo('oneonone start "Ana Ruiz" --template reunion-uno-a-uno --minutes 30 --goal recruitment', 'oneonone start --resume'),
    },
    log: {
      description: 'registra una reunión uno a uno que ya pasó, sin preguntas',
      arguments: { person: 'con quién te reuniste (un nombre o #id); un nombre nuevo agrega a la persona' },
      options: {
        '--date': 'cuándo fue la reunión (por omisión: ahora)',
        '--goal': 'para qué fue la reunión',
        '--mode': 'cómo fue',
        '--place': 'dónde fue, p. ej. "la lavandería de la calle 5"',
        '--template': 'la guía de reunión que siguió (por omisión: $ONEONONE_TEMPLATE, si no la guía del archivo de configuración, si no reunion-uno-a-uno)',
        '--minutes': 'cuánto duró (por omisión: $ONEONONE_MINUTES, si no los minutos del archivo de configuración, si no lo que dura la guía)',
        '--value': 'un valor que escuchaste (se puede repetir)',
        '--interest': 'un interés propio que escuchaste (se puede repetir)',
        '--motivation': 'una motivación (se puede repetir)',
        '--issue': 'un tema que le importa (se puede repetir)',
        '--skill': 'una habilidad que tiene (se puede repetir)',
        '--capacity': 'su tiempo y su capacidad (se puede repetir)',
        '--story': 'la historia que compartiste (se puede repetir)',
        '--lead-in': 'una pista para retomar después (se puede repetir)',
        '--note': 'cualquier otra cosa (se puede repetir)',
        '--agitation': 'la contradicción que nombraste entre sus valores y cómo están las cosas',
        '--ask': 'la solicitud específica que hiciste; repite el grupo de --ask si cambiaste a otra',
        '--ask-due': 'para cuándo es la solicitud (va con el --ask de antes)',
        '--outcome': 'yes, maybe o no: sí, tal vez o no (va con el --ask de antes)',
        '--barriers': 'qué se interpone en la solicitud (va con el --ask de antes)',
        '--support': 'cómo vas a ayudar a quitar los obstáculos (va con el --ask de antes)',
        '--rung': 'su peldaño después de esta reunión: contact, supporter, participant, volunteer, leader, organizer (o de 1 a 6)',
        '--rung-reason': 'por qué cambió el peldaño',
        '--potential': 'potencial de liderazgo, de 1 a 5',
        '--assess': 'dónde está frente a la campaña: 1 muy a favor … 5 en contra (0: sin evaluar)',
        '--followup': 'cuándo le vas a dar seguimiento',
        '--followup-note': 'tu siguiente paso',
        '--referred-by': 'quién te puso en contacto con esta persona',
        '--referral': 'alguien con quien te puso en contacto (se puede repetir)',
        '--email': 'el correo de la persona',
        '--phone': 'el teléfono de la persona',
        '--neighborhood': 'dónde vive o trabaja',
        '--organization': 'su organización, escuela, congregación o lugar de trabajo',
        '--language': 'el idioma en que prefiere reunirse: en o es',
        '--interpreter': 'para reunirse con esta persona hace falta intérprete',
        '--no-interpreter': 'para reunirse con esta persona no hace falta intérprete',
        '--new': 'agrega a una persona nueva aunque el nombre sea el de alguien conocido o uno parecido (un tocayo)',
        '--update': 'la misma persona con datos de contacto nuevos: reemplaza el correo, el teléfono, el barrio o la organización que tenías',
        '--replace-referred-by': 'reemplaza el "referido por" que ya estaba registrado',
        '--did': 'lo que el registro no puede saber, separado por comas: purpose (dijiste por qué se reunían y cómo conseguiste su nombre), their-story, barriers, referral',
        '--reflection': 'qué harías distinto la próxima vez',
        '--sensitive': 'en un servidor, qué hacer con las notas que mencionan la situación migratoria y cosas así: enviarlas tal cual (send) o dejarlas solo para ti (private)',
        '--json': 'muestra la reunión guardada como JSON',
      },
      after: ejemplo(
        'oneonone log "Ana Ruiz" --goal recruitment --minutes 45 --value "la familia primero" --interest "las reparaciones en su edificio" --ask "venir a la junta de inquilinos" --ask-due "jueves 7pm" --outcome yes --rung participant --potential 4 --followup "miércoles 6pm" --followup-note "llamarle para recordarle"',
        'oneonone log "Bo Chen" --mode house-visit --place "su cocina, Edificio 12" --note "le preocupa la renta" --assess 3',
        'oneonone log "Rosa Díaz" --language es --interpreter --note "su hija traduce en la puerta"',
      ),
    },

    // ── la gente ──
    people: {
      description: 'todas las personas, con su peldaño, su última reunión, sus solicitudes abiertas y sus seguimientos',
      options: {
        '--rung': 'solo las personas en este peldaño o más arriba',
        '--assess': 'solo las personas evaluadas en estos niveles, p. ej. 1,2 o 1-2 (1 muy a favor … 5 en contra, 0 sin evaluar)',
        '--stale': 'solo las personas con quienes no te reúnes desde hace tantos días (o nunca)',
        '--team': 'en un servidor de equipo: todas las que tu rol te deja ver, no solo las tuyas',
        '--organizer': 'en un servidor de equipo: las de este organizador',
        '--json': JSON_ES,
      },
      after: ejemplo('oneonone people', 'oneonone people --stale 60 --json', 'oneonone people --assess 3 --rung participant'),
    },
    show: {
      description: 'todo el registro de una persona: lo que le importa, cada reunión, solicitud y seguimiento, su historia en la escalera, sus referidos',
      arguments: { person: 'un nombre, una palabra o el principio de una ("ana", "obr"; no importan los acentos ni las mayúsculas) o #id' },
      options: { '--json': JSON_ES },
      after: ejemplo('oneonone show "ana ruiz"', 'oneonone show ana', 'oneonone show "#12" --json'),
    },
    review: {
      description: 'la autoevaluación de una reunión y tu reflexión otra vez (y, en un equipo, las notas de quien te acompaña); agrega a la reflexión después',
      arguments: { meeting: 'la reunión, como M12 (por omisión: la última tuya)' },
      options: {
        '--add': 'agrega a tu reflexión: qué harías distinto la próxima vez',
        '--json': 'muestra la autoevaluación, la reflexión y las notas como JSON',
      },
      after: ejemplo('oneonone review', 'oneonone review M12', 'oneonone review M12 --add "preguntar por el cuidado de los niños antes de la solicitud"'),
    },
    followups: {
      description: 'lo que te toca: tus seguimientos, las revisiones de solicitudes, las personas a quienes ya les toca reunión; lo más próximo primero',
      options: {
        '--days': 'mira tantos días hacia adelante (por omisión 7)',
        '--all': 'todo lo pendiente, por lejos que esté',
        '--overdue': 'solo lo atrasado',
        '--person': 'solo esta persona',
        '--cadence': 'muestra, o fija, cada cuánto hay que reunirse con cada peldaño, p. ej. leader=14,volunteer=30,other=60; counts=one-on-ones si una llamada o tocar la puerta no deben reiniciar el reloj',
        '--ics': 'además escribe lo listado en un archivo iCalendar',
        '--team': 'en un servidor de equipo: los de todos, no solo los tuyos',
        '--organizer': 'en un servidor de equipo: los de este organizador',
        '--json': JSON_ES,
      },
      after: ejemplo('oneonone followups', 'oneonone followups --days 14 --ics semana.ics', 'oneonone followups --cadence leader=10', 'oneonone followups --team'),
    },
    done: {
      description: 'cierra un seguimiento (F12), la revisión de una solicitud (A7) o un recordatorio de reunión uno a uno (C3)',
      arguments: { id: 'el id que muestra followups' },
      options: {
        '--kept': 'la persona cumplió el compromiso (solo solicitudes)',
        '--broken': 'la persona no cumplió el compromiso (solo solicitudes)',
        '--change': 'reemplaza el cumplió o no cumplió ya registrado de una solicitud (en una terminal se te pregunta)',
      },
      after: ejemplo('oneonone done F12', 'oneonone done A7 --kept'),
    },
    snooze: {
      description: 'pasa un seguimiento, la revisión de una solicitud o un recordatorio de reunión uno a uno a una fecha más adelante',
      arguments: { id: 'el id que muestra followups', when: 'la nueva fecha, p. ej. "el próximo lunes" o 2026-12-02' },
      after: ejemplo('oneonone snooze F12 "el próximo lunes a las 9"'),
    },
    leaders: {
      description: 'las personas en orden para quien busca talento: potencial, peldaño, compromisos cumplidos, referidos, tiempo desde la última reunión',
      options: {
        '--rung': 'solo las personas en este peldaño o más arriba',
        '--min-potential': 'solo las personas con al menos este potencial de liderazgo (1-5)',
        '--assess': 'solo las personas evaluadas en estos niveles, p. ej. 1,2 o 1-2 (1 muy a favor … 5 en contra)',
        '--stale': 'solo las personas con quienes no te reúnes desde hace tantos días',
        '--limit': 'muestra a lo más tantas (por omisión 20)',
        '--team': 'en un servidor de equipo: todas las que tu rol te deja ver, no solo las tuyas',
        '--organizer': 'en un servidor de equipo: las de este organizador',
        '--json': JSON_ES,
      },
      after: ejemplo('oneonone leaders --min-potential 4', 'oneonone leaders --rung volunteer --stale 30 --json', 'oneonone leaders --assess 1-2'),
    },
    ladder: {
      description: 'cuántas personas hay en cada peldaño y quién se movió en los últimos 30 días',
      options: {
        '--days': 'mira tantos días hacia atrás para los movimientos (por omisión 30)',
        '--json': JSON_ES,
      },
      after: ejemplo('oneonone ladder'),
    },
    stats: {
      description: 'cómo vas, en gráficas: reuniones por semana, cuánto hablas frente al 20 %, el embudo de solicitudes, personas por peldaño, tus hábitos',
      options: {
        '--since': 'desde esta fecha (por omisión: hace 12 semanas)',
        '--habits': 'los hábitos de la autoevaluación en tus últimas N reuniones (por omisión 10)',
        '--json': 'muestra las cifras como JSON',
      },
      after: ejemplo('oneonone stats', 'oneonone stats --since "hace 3 meses" --json', 'oneonone stats --habits 30'),
    },
    relate: {
      description: 'registra cómo se conocen dos personas: family, coworker, neighbor, same-building, congregation, friend, leads (A guía a B), other',
      arguments: { person: 'un nombre, una palabra o el principio de una, o #id', other: 'la otra persona (con --as leads: a quien guía)' },
      options: {
        '--as': 'cómo se conocen: family (familia), coworker (compañero de trabajo), neighbor (vecino), same-building (mismo edificio), congregation (congregación), friend (amistad), leads (guía a), other (otro)',
        '--note': 'unas palabras sobre eso, p. ej. "el mismo turno en el almacén"',
        '--json': 'muestra lo registrado como JSON',
      },
      after: ejemplo('oneonone relate "Ana Ruiz" "Bo Chen" --as coworker --note "el mismo turno en el almacén"', 'oneonone relate ana marcus --as leads'),
    },
    unrelate: {
      description: 'termina una relación entre dos personas (queda en su registro, marcada como terminada y con la fecha)',
      arguments: { person: 'un nombre, una palabra o el principio de una, o #id', other: 'la otra persona' },
      options: {
        '--as': 'solo esta clase de relación (por omisión: todas las que hay entre ellas)',
        '--json': 'muestra lo terminado como JSON',
      },
      after: ejemplo('oneonone unrelate "Ana Ruiz" "Bo Chen" --as coworker', 'oneonone unrelate ana bo'),
    },
    touch: {
      description: 'registra un contacto que no fue una reunión uno a uno (una llamada, un mensaje, tocar una puerta, unas palabras en un evento): se guarda aparte de las reuniones',
      arguments: { person: 'un nombre, una palabra o el principio de una, o #id' },
      options: {
        '--by': 'cómo: call (llamada), text (mensaje), door (puerta), event (evento), other (otro)',
        '--note': 'unas palabras sobre eso, p. ej. "confirmó el jueves"',
        '--date': 'cuándo pasó, p. ej. "ayer 6pm" (por omisión: ahora)',
        '--json': 'muestra lo registrado como JSON',
      },
      after: ejemplo('oneonone touch "Ana Ruiz" --by call --note "confirmó el jueves"', 'oneonone touch bo --by door --date "ayer 6pm"'),
    },
    map: {
      description: 'el mapa de poder: la red de relaciones y referidos alrededor de una persona o una unidad, con el peldaño y la evaluación junto a cada nombre',
      arguments: { person: 'de quién es la red (un nombre, una palabra o el principio de una, o #id)' },
      options: {
        '--unit': 'en cambio, la red alrededor de las personas de esta unidad',
        '--depth': 'cuántos lazos hacia afuera de la persona o la unidad (por omisión 2)',
        '--dot': 'además lo escribe como Graphviz DOT en este archivo (- para la salida estándar)',
        '--svg': 'además lo escribe como una imagen SVG en este archivo (- para la salida estándar)',
        '--initials': 'iniciales en vez de nombres, para un mapa que se va a enseñar',
        '--json': 'muestra las personas y los lazos como JSON',
        '--plain': 'el árbol solo con sangrías, sin caracteres de líneas (también con TERM=dumb)',
      },
      after: ejemplo('oneonone map "Ana Ruiz"', 'oneonone map --unit "Edificio 12" --depth 1 --svg edificio-12.svg --initials'),
    },
    structure: {
      description: 'la prueba de estructura, por unidad: personas conocidas frente a su tamaño, evaluadas, a favor, líderes y a quiénes guían, reuniones uno a uno recientes, lo que hace falta para una mayoría',
      options: {
        '--unit': 'solo esta unidad',
        '--csv': 'lo muestra como CSV (el cuadro para una hoja de cálculo)',
        '--json': JSON_ES,
      },
      after: ejemplo('oneonone structure', 'oneonone structure --unit "Edificio 12" --csv > edificio-12.csv'),
    },
    units: {
      description: 'los lugares que la gente comparte: edificios, centros de trabajo, turnos, escuelas, congregaciones, cuadras, con su tamaño y las personas conocidas',
      after: ejemplo('oneonone units', 'oneonone units add "Edificio 12" --kind building --size 40', 'oneonone units edit "edificio 12" --size 44'),
    },
    'units list': {
      description: 'cada unidad, con su clase, su tamaño (si se sabe) y cuántas personas conoces en ella',
      options: { '--json': 'las muestra como JSON' },
      after: ejemplo('oneonone units', 'oneonone units list --json'),
    },
    'units add': {
      description: 'agrega una unidad, con su clase y, si se sabe, su tamaño (cuántos inquilinos, trabajadores o miembros)',
      arguments: { name: 'su nombre, p. ej. "Edificio 12"' },
      options: {
        '--kind': 'building (edificio), worksite (centro de trabajo), shift (turno), school (escuela), congregation (congregación), block (cuadra) u other (otra) (por omisión: other)',
        '--size': 'cuántos inquilinos, trabajadores o miembros tiene',
        '--json': 'muestra la unidad como JSON',
      },
      after: ejemplo('oneonone units add "Edificio 12" --kind building --size 40', 'oneonone units add "Turno de noche" --kind shift'),
    },
    'units edit': {
      description: 'corrige una unidad: su clase, su tamaño o su nombre',
      arguments: { name: 'la unidad (no importan los acentos ni las mayúsculas)' },
      options: {
        '--kind': 'building, worksite, shift, school, congregation, block u other',
        '--size': 'cuántos inquilinos, trabajadores o miembros tiene ("" lo borra)',
        '--name': 'el nombre correcto',
        '--json': 'muestra la unidad y lo que cambió como JSON',
      },
      after: ejemplo('oneonone units edit "edificio 12" --size 44', 'oneonone units edit "Edif 12" --name "Edificio 12" --kind building'),
    },
    scale: {
      description: 'la escala de evaluación (0 sin evaluar, 1 muy a favor … 5 en contra) con las palabras de tu equipo',
      after: ejemplo('oneonone scale', 'oneonone scale rename 2 "casi sí"', 'oneonone scale reset'),
    },
    'scale list': {
      description: 'cada nivel con las palabras con que se lee, y las de siempre donde son otras',
      options: { '--json': 'muestra los niveles como JSON' },
      after: ejemplo('oneonone scale', 'oneonone scale list --json'),
    },
    'scale rename': {
      description: 'llama a un nivel con otras palabras en todas partes (los niveles guardados siguen siendo 0–5; en un servidor de equipo, lo cambia un admin)',
      arguments: { level: 'el nivel, de 1 a 5', words: 'cómo se lee, p. ej. "casi sí"' },
      after: ejemplo('oneonone scale rename 2 "casi sí"', 'oneonone scale rename 5 "en contra de nosotros"'),
    },
    'scale reset': {
      description: 'las palabras de siempre otra vez, para un nivel o para todos',
      arguments: { level: 'solo este nivel, de 1 a 5' },
      after: ejemplo('oneonone scale reset', 'oneonone scale reset 2'),
    },

    // ── la hoja de cálculo del equipo ──
    export: {
      description: 'escribe personas, reuniones, solicitudes, seguimientos, notas, contactos, relaciones o unidades como CSV para una hoja de cálculo',
      arguments: { table: 'qué exportar' },
      options: {
        '--out': 'lo escribe en este archivo (creado privado, 0600) en vez de en la pantalla',
        '--bom': 'empieza con una marca de orden de bytes para que Excel lea UTF-8',
      },
      after: ejemplo('oneonone export meetings --out reuniones.csv', 'oneonone export people --bom > personas.csv', 'oneonone export people --lang es --out personas.csv  # encabezados en español'),
    },
    import: {
      description: 'agrega o actualiza personas desde un archivo CSV con una fila de encabezados; o vuelve a leer los contactos, las relaciones o las unidades que escribió export',
      arguments: { file: 'el archivo CSV' },
      options: {
        '--map': 'lee una columna como un campo: name, first, last, email, phone, neighborhood, organization, notes, rung, potential, referred_by, assessment, units, language, interpreter (se puede repetir)',
        '--delimiter': 'el separador, cuando el que se encontró en la fila de encabezados está mal: ";" o tab (por omisión: una coma, o ";" o un tab cuando el encabezado no tiene comas)',
        '--dry-run': 'dice persona por persona qué se agregaría y qué cambiaría (antes → después); no cambia nada',
        '--skip-bad': 'importa las filas buenas aunque algunas estén mal',
        '--demote': 'deja que el archivo baje a personas en la escalera (por omisión un peldaño solo sube)',
        '--overwrite': 'deja que el archivo reemplace datos que tú escribiste con otros vacíos o menos precisos (un código postal en lugar de un barrio)',
        '--json': 'muestra los conteos, cada persona agregada o cambiada con cada campo antes y después, y las filas con errores como JSON',
      },
      after: ejemplo('oneonone import hoja-de-registro.csv --dry-run', 'oneonone import contactos.csv --map "Celular=phone" --delimiter ";"', 'oneonone import relaciones.csv'),
    },
    search: {
      description: 'busca palabras en notas, solicitudes, seguimientos, agitación, historias y datos de las personas; lo que mejor coincide primero',
      arguments: { text: 'las palabras que buscas (tienen que estar todas; una palabra que termina en * coincide como principio)' },
      options: {
        '--tag': 'solo las notas con esta etiqueta: value, interest, motivation, issue, skill, capacity, story, lead-in, note',
        '--limit': 'muestra a lo más tantas (por omisión 20)',
        '--json': JSON_ES,
      },
      after: ejemplo('oneonone search renta --tag issue', 'oneonone search "después de la escuela" --json'),
    },
    templates: {
      description: 'lista las guías de reunión, las que trae oneonone y las tuyas, o muestra una fase por fase',
      arguments: { show: 'la palabra "show" para mostrar una', name: 'la guía que se va a mostrar' },
      options: {
        '--yaml': 'la muestra como un archivo YAML que puedes copiar en tu carpeta de guías y editar',
        '--json': JSON_ES,
      },
      after: ejemplo('oneonone templates', 'oneonone templates show reunion-uno-a-uno'),
    },

    // ── corregir errores ──
    edit: {
      description: 'corrige a una persona (nombre, datos, peldaño, potencial, quién la refirió) o una reunión, nota, solicitud o seguimiento por su id, sin registrar una reunión',
      arguments: { what: 'una persona (nombre, palabra o #id) o un id de los que muestra show: M12 reunión, N40 nota, A6 solicitud, F3 seguimiento' },
      options: {
        '--name': 'una persona: el nombre correcto (el anterior la sigue encontrando)',
        '--email': 'una persona: el correo ("" lo borra)',
        '--phone': 'una persona: el teléfono ("" lo borra)',
        '--neighborhood': 'una persona: dónde vive o trabaja ("" lo borra)',
        '--organization': 'una persona: su organización ("" la borra)',
        '--language': 'una persona: el idioma en que prefiere reunirse, en o es (none lo borra)',
        '--interpreter': 'una persona: para reunirse con ella hace falta intérprete',
        '--no-interpreter': 'una persona: para reunirse con ella no hace falta intérprete',
        '--notes': 'una persona: notas sobre ella ("" las borra)',
        '--rung': 'una persona: dónde está en la escalera (un cambio hecho a mano)',
        '--reason': 'una persona: por qué cambió el peldaño o la evaluación (con --rung o --assess)',
        '--potential': 'una persona: potencial de liderazgo 1-5 ("" lo borra)',
        '--assess': 'una persona: dónde está frente a la campaña, 1 muy a favor, 2 algo a favor, 3 indeciso/a, 4 algo en contra, 5 en contra (0: sin evaluar)',
        '--referred-by': 'una persona: quién te puso en contacto con ella',
        '--no-referred-by': 'una persona: nadie la refirió',
        '--unit': 'una persona: es parte de esta unidad, un edificio, centro de trabajo, congregación … (un nombre nuevo la crea; repítelo para más)',
        '--no-unit': 'una persona: ya no es parte de esta unidad',
        '--unit-kind': 'una persona: la clase de la unidad que crea --unit (building, worksite, shift, school, congregation, block, other)',
        '--date': 'una reunión: cuándo fue',
        '--goal': 'una reunión: para qué fue',
        '--minutes': 'una reunión: cuánto duró',
        '--mode': 'una reunión: cómo fue, in-person, house-visit, phone o video ("" lo borra)',
        '--place': 'una reunión: dónde fue ("" lo borra)',
        '--text': 'una nota, solicitud o seguimiento: las palabras correctas (un seguimiento: "" para el texto de siempre)',
        '--tag': 'una nota: su clase (value, interest, motivation, issue, skill, capacity, story, lead-in, note)',
        '--due': 'una solicitud o un seguimiento: para cuándo es (una solicitud: "" para sin fecha)',
        '--outcome': 'una solicitud: su respuesta, yes, maybe o no (none la borra)',
        '--barriers': 'una solicitud: qué se interpone',
        '--support': 'una solicitud: cómo vas a ayudar',
        '--json': 'muestra lo que cambió como JSON',
      },
      after: ejemplo(
        'oneonone edit ana --email ana.ruiz@example.org --neighborhood "Lado Este"',
        'oneonone edit "Ana Ruiz" --name "Ana María Ruiz"',
        'oneonone edit A6 --outcome yes',
        'oneonone edit M12 --date "el martes pasado 6pm"',
        'oneonone edit ana --unit "Edificio 12" --unit-kind building',
        'oneonone edit ana --assess 2 --reason "firmó la petición de reparaciones"',
        'oneonone edit rosa --language es --no-interpreter',
      ),
    },
    merge: {
      description: 'junta dos registros de una misma persona en uno: todo pasa a la persona que se queda, y el nombre del duplicado la sigue encontrando',
      arguments: { duplicate: 'el registro que desaparece (un nombre o #id)', into: 'la persona que se queda (un nombre o #id)' },
      options: { '--json': 'muestra lo que se movió como JSON' },
      after: ejemplo('oneonone merge "#7" "#3"', 'oneonone merge "Ana R." "Ana Ruiz"'),
    },
    delete: {
      description: 'borra una reunión, nota, solicitud o seguimiento registrado por error (una reunión se va con sus notas, solicitudes, seguimientos y cambios de peldaño)',
      arguments: { id: 'M12 reunión, N40 nota, A6 solicitud, F3 seguimiento (ver: oneonone show NOMBRE)' },
      options: { '--json': 'muestra lo borrado como JSON' },
      after: ejemplo('oneonone delete M12', 'oneonone delete N40'),
    },
    undo: {
      description: 'deshace el último cambio que hizo un comando (log, start, done, snooze, edit, merge, delete, import); otra vez para ir más atrás',
      options: { '--json': 'muestra lo deshecho como JSON' },
      after: ejemplo('oneonone undo', 'oneonone undo && oneonone undo'),
    },
    forget: {
      description: 'borra a una persona y todo lo que hay sobre ella, sin vuelta atrás',
      arguments: { person: 'un nombre o #id' },
      options: { '--yes': 'no pide escribir el nombre para confirmar' },
      after: ejemplo('oneonone forget "Ana Ruiz"'),
    },
    backup: {
      description: 'escribe una copia íntegra y privada de la base de datos (sin riesgo aunque oneonone esté en uso)',
      arguments: { file: 'dónde escribir la copia' },
      after: ejemplo('oneonone backup ~/Respaldos/oneonone-2026-11-24.db'),
    },
    restore: {
      description: 'reemplaza la base de datos con un respaldo, y guarda la de ahora como una copia con fecha',
      arguments: { file: 'el respaldo que se va a restaurar' },
      options: { '--yes': 'no pregunta antes de reemplazar la base de datos' },
      after: ejemplo('oneonone restore ~/Respaldos/oneonone-2026-11-24.db'),
    },

    // ── un servidor de equipo ──
    push: {
      description: 'envía ahora al servidor del equipo las reuniones guardadas en esta computadora (cualquier comando que llega al servidor también las envía)',
      options: {
        '--as': 'la persona del servidor con quien es la reunión más antigua en espera, cuando su nombre les queda a varias',
        '--json': 'muestra lo enviado y lo que sigue en espera como JSON',
      },
      after: ejemplo('oneonone push', 'oneonone push --as 12'),
    },
    team: {
      description: 'el equipo en un servidor: organizadores, sus roles y lo que cada quien puede ver (lo hace cumplir la base de datos)',
    },
    'team init': {
      description: 'prepara el equipo en este servidor, una sola vez, como superusuario de PostgreSQL (te vuelves su primer admin)',
      arguments: { name: 'tu nombre, como te conoce el equipo' },
      after: ejemplo('oneonone team init "Rosa Delgado" --db postgres://postgres@db.example.org/oneonone'),
    },
    'team add': {
      description: 'agrega a un organizador: un usuario en el servidor dentro del grupo de su rol (un admin)',
      arguments: { name: 'el nombre del organizador' },
      options: {
        '--role': 'lo que puede ver y hacer',
        '--login': 'su usuario de PostgreSQL (por omisión: hecho del nombre, p. ej. ana_ruiz)',
        '--supervisor': 'quien lo acompaña y le da coaching (un lead)',
      },
      after: ejemplo('oneonone team add "Ana Ruiz" --role organizer --supervisor "Marcus Lee"', 'oneonone team add "Marcus Lee" --role lead --login mlee'),
    },
    'team list': {
      description: 'los organizadores del equipo, sus roles y quién los acompaña',
      options: { '--json': 'los muestra como JSON' },
      after: ejemplo('oneonone team list', 'oneonone team list --json'),
    },
    'team role': {
      description: 'cambia el rol de un organizador (un admin)',
      arguments: { name: 'el nombre o el usuario del organizador' },
      options: { '--role': 'su nuevo rol' },
      after: ejemplo('oneonone team role "Ana Ruiz" --role lead'),
    },
    'team remove': {
      description: 'saca a un organizador del equipo; sus personas pasan a otro organizador (un admin)',
      arguments: { name: 'el nombre o el usuario del organizador' },
      options: { '--to': 'el organizador a quien pasan sus personas' },
      after: ejemplo('oneonone team remove "Ben Ortiz" --to "Ana Ruiz"'),
    },
    'team audit': {
      description: 'lo que se hizo que toca la seguridad de los miembros: personas borradas (nunca sus nombres), organizadores agregados, roles cambiados, bajas (un admin)',
      options: { '--json': JSON_ES },
      after: ejemplo('oneonone team audit', 'oneonone team audit --json'),
    },
    'team week': {
      description: 'la revisión semanal: las reuniones uno a uno de cada organizador frente a su meta, cuánto habló, solicitudes, personas nuevas, movimientos en la escalera, seguimientos atrasados',
      options: {
        '--organizer': 'solo este organizador',
        '--weeks': 'cuántas semanas hacia atrás, con esta incluida (por omisión 1)',
        '--json': JSON_ES,
      },
      after: ejemplo('oneonone team week', 'oneonone team week --organizer "Ana Ruiz" --weeks 8'),
    },
    'team goal': {
      description: 'fija la meta semanal de reuniones uno a uno, la del equipo o la de un organizador (un lead, director o admin)',
      options: {
        '--weekly': 'reuniones uno a uno por semana',
        '--organizer': 'la meta de este organizador en vez de la del equipo',
      },
      after: ejemplo('oneonone team goal --weekly 10', 'oneonone team goal --weekly 6 --organizer "Ana Ruiz"'),
    },
    'team import-local': {
      description: 'trae tu propio archivo de oneonone al servidor del equipo a tu nombre: las personas se juntan por correo, teléfono y luego nombre; nunca solo por el nombre',
      arguments: { file: 'tu base de datos local, p. ej. ~/.local/share/oneonone/oneonone.db' },
      options: {
        '--dry-run': 'dice qué se traería y con quién se juntaría, y no escribe nada',
        '--json': 'muestra el informe como JSON',
      },
      after: ejemplo('oneonone team import-local ~/.local/share/oneonone/oneonone.db --dry-run', 'oneonone team import-local ~/.local/share/oneonone/oneonone.db'),
    },
    'team words': {
      description: 'las palabras delicadas que detienen una nota antes de que salga de esta computadora: las que trae oneonone y las del equipo',
    },
    'team words list': {
      description: 'cada palabra delicada que se revisa, las que trae oneonone y las del equipo',
      options: { '--json': 'las muestra como JSON' },
      after: ejemplo('oneonone team words list'),
    },
    'team words add': {
      description: 'agrega una palabra o frase que el equipo revisa (un admin)',
      arguments: { term: 'una palabra o frase, p. ej. "green card"' },
      after: ejemplo('oneonone team words add "sin papeles"'),
    },
    'team words remove': {
      description: 'quita una palabra de la lista del equipo (un admin; las que trae oneonone se quedan)',
      arguments: { term: 'la palabra o frase' },
      after: ejemplo('oneonone team words remove "sin papeles"'),
    },
    handoff: {
      description: 'pasa a una persona a otro organizador del equipo, con una presentación cálida',
      arguments: { person: 'la persona, por cualquier parte de su nombre' },
      options: {
        '--to': 'el organizador que la recibe',
        '--note': 'la presentación: quién es, qué le importa, qué se le prometió',
        '--keep-open': 'deja sus solicitudes y seguimientos abiertos con quien los tiene (por omisión pasan a quien la recibe)',
        '--json': 'muestra lo hecho como JSON',
      },
      after: ejemplo('oneonone handoff "María López" --to "Ben Ortiz" --note "Es líder del tercer piso; prometió traer a dos vecinos el jueves"'),
    },
    coach: {
      description: 'la nota de un lead o director sobre la reunión de un organizador, que se lee en su review y en su próximo followups',
      arguments: { meeting: 'la reunión, como M12' },
      options: {
        '--note': 'lo que viste en la autoevaluación y las cifras, y qué probar la próxima vez',
        '--json': 'muestra la nota como JSON',
      },
      after: ejemplo('oneonone coach M12 --note "Muy buena credencial. La próxima vez pregunta quién más antes del seguimiento."'),
    },

    // ── la configuración ──
    config: {
      description: 'lo que fijas una vez, guardado en $XDG_CONFIG_HOME/oneonone/config.yaml: la base de datos, el idioma, la guía y la duración de siempre, la frecuencia, la meta semanal',
    },
    'config list': {
      description: 'cada ajuste, su valor y de dónde viene el valor (opción, entorno, archivo de configuración o por omisión)',
      options: { '--json': 'los muestra como JSON' },
      after: ejemplo('oneonone config list', 'oneonone config list --json'),
    },
    'config get': {
      description: 'el valor de un ajuste',
      arguments: { key: 'el ajuste, p. ej. db, template, minutes' },
      after: ejemplo('oneonone config get db'),
    },
    'config set': {
      description: 'guarda un ajuste en el archivo de configuración',
      arguments: { key: 'el ajuste', value: 'su valor' },
      after: ejemplo('oneonone config set minutes 45', 'oneonone config set db ~/organizacion/oneonone.db'),
    },
    'config unset': {
      description: 'saca un ajuste del archivo de configuración (vuelve a valer el de por omisión)',
      arguments: { key: 'el ajuste' },
      after: ejemplo('oneonone config unset minutes'),
    },
    doctor: {
      description: 'revisa la instalación y la base de datos, y dice qué arreglar, una línea por cosa',
      options: { '--json': 'muestra las revisiones como JSON' },
      after: ejemplo('oneonone doctor', 'oneonone doctor --db postgres://ana@db.example.org/oneonone'),
    },
    completion: {
      description: 'muestra el script de autocompletado para bash, zsh o fish (el README dice dónde ponerlo)',
      arguments: { shell: 'tu shell' },
      after: ejemplo('oneonone completion bash > ~/.local/share/bash-completion/completions/oneonone', 'oneonone completion fish > ~/.config/fish/completions/oneonone.fish'),
    },
  },
};
