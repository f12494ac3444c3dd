import type { ItemType, FormLayout, ItemSpec } from "../form-layout";
import { STUDY } from "../study";
import {
  codeListOid,
  formOid,
  itemGroupOid,
  itemOid,
  METADATA_VERSION_OID,
  STUDY_EVENTS,
  STUDY_OID,
  unitOid,
} from "./odm-oids";
import { element, text } from "./xml";
import type { FormPlacement } from "@/lib/forms/form-definition";

/** ODM 1.3.2 DataType for each exported item type (spec section 3.1.3 / the DataType enumeration). */
const DATA_TYPES: Record<ItemType, string> = {
  text: "text",
  integer: "integer",
  float: "float",
  date: "date",
  // The AE awareness time is a local date and time without seconds or zone.
  datetime: "partialDatetime",
  boolean: "boolean",
};

export interface OdmForm {
  layout: FormLayout;
  placement: FormPlacement;
}

const translated = (value: string) => element("TranslatedText", { "xml:lang": "en" }, text(value));

function itemDef(formType: string, item: ItemSpec, path: string): string {
  return element(
    "ItemDef",
    { OID: itemOid(formType, path), Name: path, DataType: item.multiple ? "text" : DATA_TYPES[item.type] },
    [
      element("Question", {}, translated(item.label)),
      item.unit ? element("MeasurementUnitRef", { MeasurementUnitOID: unitOid(item.unit) }) : "",
      item.allowedValues.length && !item.multiple
        ? element("CodeListRef", { CodeListOID: codeListOid(formType, path) })
        : "",
    ],
  );
}

function codeList(formType: string, item: ItemSpec, path: string): string {
  if (!item.allowedValues.length || item.multiple) return "";
  const dataType = item.type === "integer" ? "integer" : item.type === "float" ? "float" : "text";
  return element(
    "CodeList",
    { OID: codeListOid(formType, path), Name: `${formType} ${path}`, DataType: dataType },
    item.allowedValues.map((value) =>
      element("CodeListItem", { CodedValue: value }, element("Decode", {}, translated(value))),
    ),
  );
}

const itemRefs = (formType: string, items: readonly ItemSpec[], prefix = "") =>
  items.map((item, index) =>
    element("ItemRef", { ItemOID: itemOid(formType, prefix + item.path), Mandatory: "No", OrderNumber: index + 1 }),
  );

/** Every item of a form with its full path (group items as "group.item"). */
function allItems(layout: FormLayout): { item: ItemSpec; path: string }[] {
  return [
    ...layout.items.map((item) => ({ item, path: item.path })),
    ...layout.groups.flatMap((group) => group.items.map((item) => ({ item, path: `${group.path}.${item.path}` }))),
  ];
}

/**
 * Study, GlobalVariables, BasicDefinitions (the measurement units) and MetaDataVersion
 * (Protocol, StudyEventDefs, FormDefs, ItemGroupDefs, ItemDefs, CodeLists), all generated
 * from the form definitions, in the element order the ODM 1.3.2 schema requires.
 */
export function writeStudyMetadata(forms: readonly OdmForm[]): string {
  const units = [
    ...new Set(
      forms
        .flatMap(({ layout }) => allItems(layout).map(({ item }) => item.unit))
        .filter((u): u is string => u !== null),
    ),
  ].sort();
  const events = STUDY_EVENTS.filter((event) => forms.some((f) => f.placement === event.placement));
  return element("Study", { OID: STUDY_OID }, [
    element("GlobalVariables", {}, [
      element("StudyName", {}, text(STUDY.name)),
      element("StudyDescription", {}, text(STUDY.description)),
      element("ProtocolName", {}, text(STUDY.protocolName)),
    ]),
    element(
      "BasicDefinitions",
      {},
      units.map((unit) =>
        element("MeasurementUnit", { OID: unitOid(unit), Name: unit }, element("Symbol", {}, translated(unit))),
      ),
    ),
    element(
      "MetaDataVersion",
      {
        OID: METADATA_VERSION_OID,
        Name: "Trialdesk case report forms",
        Description: "Generated from the form definitions (lib/forms)",
      },
      [
        element(
          "Protocol",
          {},
          events.map((event, index) =>
            element("StudyEventRef", { StudyEventOID: event.oid, OrderNumber: index + 1, Mandatory: "No" }),
          ),
        ),
        ...events.map((event) =>
          element(
            "StudyEventDef",
            { OID: event.oid, Name: event.name, Repeating: event.repeating, Type: event.type },
            forms
              .filter((f) => f.placement === event.placement)
              .map((f, index) =>
                element("FormRef", { FormOID: formOid(f.layout.formType), OrderNumber: index + 1, Mandatory: "No" }),
              ),
          ),
        ),
        ...forms.map(({ layout }) =>
          element(
            "FormDef",
            { OID: formOid(layout.formType), Name: layout.title, Repeating: layout.repeating ? "Yes" : "No" },
            [
              element("ItemGroupRef", {
                ItemGroupOID: itemGroupOid(layout.formType),
                Mandatory: "Yes",
                OrderNumber: 1,
              }),
              ...layout.groups.map((group, index) =>
                element("ItemGroupRef", {
                  ItemGroupOID: itemGroupOid(layout.formType, group.path),
                  Mandatory: "No",
                  OrderNumber: index + 2,
                }),
              ),
            ],
          ),
        ),
        ...forms.flatMap(({ layout }) => [
          element(
            "ItemGroupDef",
            { OID: itemGroupOid(layout.formType), Name: layout.title, Repeating: "No" },
            itemRefs(layout.formType, layout.items),
          ),
          ...layout.groups.map((group) =>
            element(
              "ItemGroupDef",
              {
                OID: itemGroupOid(layout.formType, group.path),
                Name: `${layout.title}: ${group.label}`,
                Repeating: "Yes",
              },
              itemRefs(layout.formType, group.items, `${group.path}.`),
            ),
          ),
        ]),
        ...forms.flatMap(({ layout }) =>
          allItems(layout).map(({ item, path }) => itemDef(layout.formType, item, path)),
        ),
        ...forms.flatMap(({ layout }) =>
          allItems(layout).map(({ item, path }) => codeList(layout.formType, item, path)),
        ),
      ],
    ),
  ]);
}
