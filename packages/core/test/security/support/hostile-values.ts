import fc from "fast-check";
import {
  type GraphQLInputType,
  GraphQLNonNull,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from "graphql";

/** Real ids of the viewer's authority, of another authority, and of the wrong type. */
export interface IdPool {
  own: string[];
  otherAuthority: string[];
  wrongType: string[];
}

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

/** Strings people and attackers send: unicode, control characters, markup, SQL, enormous. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)), maxLength: 10 }),
  fc.constantFrom(
    "",
    "   ",
    "\u0000",
    "line\r\nbreak",
    "\u202egnp.exe",
    "<script>alert(1)</script>",
    '\'; DROP TABLE "case"; --',
    "Robert'); DELETE FROM ledger_entry; --",
    "🧒🏽‍👩‍👧 Zoë Ñúñez",
    "\ud800",
    "a".repeat(10_001),
    "é".repeat(100_000),
  ),
);

export function hostileId(ids: IdPool): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...ids.own), weight: 3 },
    { arbitrary: fc.constantFrom(...ids.otherAuthority), weight: 3 },
    { arbitrary: fc.constantFrom(...ids.wrongType), weight: 2 },
    { arbitrary: fc.uuid().map((uuid) => globalId("Case", uuid)), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        globalId("Case", "not-a-uuid"),
        globalId("Case", "' OR 1=1 --"),
        globalId("", ""),
        "Q2FzZTo=",
        "%%%not base64%%%",
        "1",
        "-1",
      ),
      weight: 1,
    },
    { arbitrary: hostileString, weight: 1 },
  );
}

/** Whole numbers at and beyond every edge: GraphQL's Int is 32-bit, JavaScript's safe range is 53. */
const hostileInt = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, -(2 ** 53), 1e20, 0.5),
);

/** Money: negative, fractional pence, beyond any column, not a number at all. */
const hostilePence = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(0, -1, 0.5, 1.5, 99.99, -0.01, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 1e300, "100", "£5"),
  fc.double({ noNaN: true }),
);

const hostileDate = fc.oneof(
  fc.date({ min: new Date("1900-01-01"), max: new Date("2100-01-01") }).map((date) => date.toISOString().slice(0, 10)),
  fc.constantFrom("2026-02-30", "0000-01-01", "9999-12-31", "-001000-01-01", "yesterday", "", "2026-13-01"),
);

const hostileDateTime = fc.oneof(
  fc.date({ min: new Date("1900-01-01"), max: new Date("2100-01-01") }).map((date) => date.toISOString()),
  fc.constantFrom("2026-02-30T25:61:00Z", "0000-01-01T00:00:00Z", "now", ""),
);

/**
 * Mostly values a real client would send, so that a request gets past type checks to the rules
 * and the database; hostile in about one leaf in four.
 */
function plausibleScalar(name: string, ids: IdPool): fc.Arbitrary<unknown> | null {
  switch (name) {
    case "String":
      return fc.constantFrom("Bunk bed and mattress", "Weekly swimming lessons", "Ok", "Mia's school uniform");
    case "ID":
      return fc.constantFrom(...ids.own);
    case "Int":
      return fc.integer({ min: 1, max: 5 });
    case "Pence":
      return fc.integer({ min: 1, max: 50_000 });
    case "Date":
      return fc.constantFrom("2026-06-01", "2026-09-30", "2027-01-15");
    case "DateTime":
      return fc.constantFrom("2026-06-01T10:00:00.000Z");
    case "Boolean":
      return fc.boolean();
    default:
      return null;
  }
}

function scalarValue(name: string, ids: IdPool): fc.Arbitrary<unknown> {
  const plausible = plausibleScalar(name, ids);
  const hostile = hostileScalar(name, ids);
  return plausible ? fc.oneof({ arbitrary: plausible, weight: 3 }, { arbitrary: hostile, weight: 1 }) : hostile;
}

function hostileScalar(name: string, ids: IdPool): fc.Arbitrary<unknown> {
  switch (name) {
    case "String":
      return hostileString;
    case "ID":
      return hostileId(ids);
    case "Int":
      return hostileInt;
    case "Float":
      return fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0.1, -1e308));
    case "Boolean":
      return fc.boolean();
    case "Pence":
      return hostilePence;
    case "Date":
      return hostileDate;
    case "DateTime":
      return hostileDateTime;
    case "JSON":
      return fc.jsonValue({ maxDepth: 3 });
    default:
      throw new Error(`No hostile values for the scalar ${name}: add them here`);
  }
}

/** Values for any input type of the schema, hostile at every leaf; sometimes null where null is not allowed. */
export function hostileValue(type: GraphQLInputType, ids: IdPool, depth = 0): fc.Arbitrary<unknown> {
  if (!isNonNullType(type))
    return fc.oneof(
      { arbitrary: fc.constant(null), weight: 1 },
      { arbitrary: hostileValue(new GraphQLNonNull(type), ids, depth), weight: 4 },
    );
  const inner = type.ofType;
  const value = (): fc.Arbitrary<unknown> => {
    if (isListType(inner))
      return fc.array(hostileValue(inner.ofType, ids, depth + 1), { maxLength: depth > 1 ? 1 : 3 });
    if (isInputObjectType(inner)) {
      const fields = Object.values(inner.getFields());
      return fc.record(
        Object.fromEntries(fields.map((field) => [field.name, hostileValue(field.type, ids, depth + 1)])),
      );
    }
    if (isEnumType(inner))
      return fc.oneof(
        { arbitrary: fc.constantFrom(...inner.getValues().map((value) => value.name)), weight: 19 },
        { arbitrary: fc.constant("NOT_A_VALUE"), weight: 1 },
      );
    if (isScalarType(inner)) return scalarValue(inner.name, ids);
    throw new Error(`Unexpected input type ${String(inner)}`);
  };
  return fc.oneof({ arbitrary: value(), weight: 39 }, { arbitrary: fc.constant(null), weight: 1 });
}
