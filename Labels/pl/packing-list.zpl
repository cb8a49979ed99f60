{{! List przewozowy, ZPL II na etykietę 4x6 cala przy 203 dpi (812 x 1218 punktów). }}
{{! Wiersze zleceń trafiają do jednego bloku ^FB po 24 wiersze: dłuższa przesyłka drukuje tę etykietę co 24 zlecenia. }}
^XA
^CI28
^PW812
^LL1218
^LH0,0
^FO40,30^A0N,40,40^FDLIST PRZEWOZOWY^FS
^FO560,36^A0N,30,30^FB212,1,0,R^FH^FDStrona {{ page.number }}/{{ page.count }}^FS
^FO40,80^A0N,30,30^FH^FD{{ shipment.id | truncate 40 }}^FS
^FO40,120^A0N,24,24^FH^FD{{ shipment.date | truncate 20 }}  {{ shipment.method | truncate 34 }}^FS
^FO40,160^A0N,24,24^FB360,6,2,L^FH^FDOD\&{{ sender.name | truncate 28 }}\&{{#each sender.address}}{{ line | truncate 28 }}\&{{/each}}^FS
^FO420,160^A0N,24,24^FB360,6,2,L^FH^FDDO\&{{ receiver.name | truncate 28 }}\&{{#each receiver.address}}{{ line | truncate 28 }}\&{{/each}}^FS
^FO40,330^GB732,0,3^FS
^FO40,345^A0N,22,22^FB732,24,4,L^FH^FD{{#each orders}}{{ order.index }}. {{ order.number | truncate 14 }}  {{ order.device | truncate 18 }}  {{ order.serial | truncate 18 }}\&{{/each}}^FS
^FO40,1000^GB732,0,3^FS
^FO40,1020^A0N,28,28^FH^FDZlecenia: {{ shipment.orderCount }}  Paczki: {{ shipment.parcelCount }}{{#if shipment.weight}}  Waga: {{ shipment.weight | truncate 16 }}{{/if}}^FS
^BY2,3,80
^FO40,1070^BCN,80,Y,N,N^FH^FD{{ shipment.id }}^FS
^XZ
