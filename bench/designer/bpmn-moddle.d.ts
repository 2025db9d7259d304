// bpmn-moddle (a dependency of bpmn-js) ships types for its model, not for its default export.
declare module 'bpmn-moddle' {
  interface ModdleElement {
    $type: string;
    id?: string;
    [key: string]: unknown;
  }
  export class BpmnModdle {
    fromXML(xml: string): Promise<{ rootElement: ModdleElement; warnings: { message: string }[]; elementsById: Record<string, ModdleElement> }>;
  }
}
