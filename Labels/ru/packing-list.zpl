{{! Упаковочный лист, ZPL II для этикетки 4x6 дюйма при 203 dpi (812 x 1218 точек). }}
{{! Строки заявок идут в один блок ^FB на 24 строки: длинная отправка печатает эту этикетку на каждые 24 заявки. }}
^XA
^CI28
^PW812
^LL1218
^LH0,0
^FO40,30^A0N,40,40^FDУПАКОВОЧНЫЙ ЛИСТ^FS
^FO560,36^A0N,30,30^FB212,1,0,R^FH^FDЛист {{ page.number }}/{{ page.count }}^FS
^FO40,80^A0N,30,30^FH^FD{{ shipment.id | truncate 40 }}^FS
^FO40,120^A0N,24,24^FH^FD{{ shipment.date | truncate 20 }}  {{ shipment.method | truncate 34 }}^FS
^FO40,160^A0N,24,24^FB360,6,2,L^FH^FDОТ\&{{ sender.name | truncate 28 }}\&{{#each sender.address}}{{ line | truncate 28 }}\&{{/each}}^FS
^FO420,160^A0N,24,24^FB360,6,2,L^FH^FDКОМУ\&{{ receiver.name | truncate 28 }}\&{{#each receiver.address}}{{ line | truncate 28 }}\&{{/each}}^FS
^FO40,330^GB732,0,3^FS
^FO40,345^A0N,22,22^FB732,24,4,L^FH^FD{{#each orders}}{{ order.index }}. {{ order.number | truncate 14 }}  {{ order.device | truncate 18 }}  {{ order.serial | truncate 18 }}\&{{/each}}^FS
^FO40,1000^GB732,0,3^FS
^FO40,1020^A0N,28,28^FH^FDЗаявок: {{ shipment.orderCount }}  Мест: {{ shipment.parcelCount }}{{#if shipment.weight}}  Вес: {{ shipment.weight | truncate 16 }}{{/if}}^FS
^BY2,3,80
^FO40,1070^BCN,80,Y,N,N^FH^FD{{ shipment.id }}^FS
^XZ
