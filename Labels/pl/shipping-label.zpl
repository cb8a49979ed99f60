{{! Etykieta wysyłkowa, ZPL II na etykietę 4x6 cala przy 203 dpi (812 x 1218 punktów). }}
{{! Każda wartość jest automatycznie kodowana dla ^FH; \& łamie wiersz w bloku ^FB. }}
^XA
^CI28
^PW812
^LL1218
^LH0,0
^FO30,30^GB752,1158,4^FS
^FO50,50^A0N,26,26^FDOD^FS
^FO50,85^A0N,32,32^FB712,1,0,L^FH^FD{{ sender.name | truncate 42 }}^FS
^FO50,125^A0N,28,28^FB712,4,4,L^FH^FD{{#each sender.address}}{{ line | truncate 48 }}\&{{/each}}{{#if sender.phone}}Tel. {{ sender.phone | truncate 40 }}{{/if}}^FS
^FO30,270^GB752,0,4^FS
^FO50,290^A0N,30,30^FDDO^FS
^FO50,335^A0N,48,48^FB712,2,6,L^FH^FD{{ receiver.name | upper | truncate 52 }}^FS
^FO50,450^A0N,40,40^FB712,4,6,L^FH^FD{{#each receiver.address}}{{ line | upper | truncate 32 }}\&{{/each}}^FS
^FO30,650^GB752,0,4^FS
^FO50,680^A0N,30,30^FH^FDMetoda: {{ shipment.method | truncate 38 }}^FS
^FO50,725^A0N,30,30^FH^FDData: {{ shipment.date | truncate 38 }}^FS
^FO50,770^A0N,30,30^FH^FDPaczki: {{ shipment.parcelCount | truncate 10 }}{{#if shipment.weight}}    Waga: {{ shipment.weight | truncate 16 }}{{/if}}^FS
^FO30,830^GB752,0,4^FS
^FO50,860^A0N,30,30^FH^FDPrzesyłka {{ shipment.id | truncate 38 }}^FS
^BY3,3,200
^FO80,910^BCN,200,N,N,N^FH^FD{{ shipment.id }}^FS
^FO50,1130^A0N,34,34^FB712,1,0,C^FH^FD{{ shipment.id | truncate 38 }}^FS
^XZ
