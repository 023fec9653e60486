<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Specula::App::AppController</name>
    <message>
        <source>Starting the simulated cluster</source>
        <translation>Simulierter Cluster wird gestartet</translation>
    </message>
    <message>
        <source>Reading kubeconfig</source>
        <translation>kubeconfig wird gelesen</translation>
    </message>
    <message>
        <source>%1 (TLS verification off: insecure-skip-tls-verify)</source>
        <translation>%1 (TLS-Prüfung aus: insecure-skip-tls-verify)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
</context>
<context>
    <name>Specula::App::MainWindow</name>
    <message>
        <source>Specula</source>
        <translation>Specula</translation>
    </message>
    <message>
        <source>Filter nodes by name, status or resource</source>
        <translation>Knoten nach Name, Status oder Ressource filtern</translation>
    </message>
    <message>
        <source>Filter pods by namespace, name, node or reason</source>
        <translation>Pods nach Namespace, Name, Knoten oder Grund filtern</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Every node with its extended resources as requested / allocatable (Ctrl+1)</source>
        <translation>Jeder Knoten mit seinen Extended Resources als angefordert / zuteilbar (Strg+1)</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>Pods that hold specialized resources, and pending pods with the reason (Ctrl+2)</source>
        <translation>Pods mit spezialisierten Ressourcen und wartende Pods mit Grund (Strg+2)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Kontext:</translation>
    </message>
    <message>
        <source>The kubeconfig context to show (Ctrl+K)</source>
        <translation>Der anzuzeigende kubeconfig-Kontext (Strg+K)</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Connect again and reload everything (F5)</source>
        <translation>Neu verbinden und alles neu laden (F5)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>%1 nodes · %2 pods · %3 pending</source>
        <translation>%1 Knoten · %2 Pods · %3 wartend</translation>
    </message>
</context>
<context>
    <name>Specula::Model::ClusterSession</name>
    <message>
        <source>Connecting to %1</source>
        <translation>Verbinde mit %1</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Lädt</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Verbindet neu</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>Geladen</translation>
    </message>
    <message>
        <source>Loading %1 of %2 lists</source>
        <translation>Lade Liste %1 von %2</translation>
    </message>
</context>
<context>
    <name>Specula::Model::NodeTableModel</name>
    <message>
        <source>%1 on %2: %3 requested, %4 allocatable, %5 capacity</source>
        <translation>%1 auf %2: %3 angefordert, %4 zuteilbar, %5 Kapazität</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>Active pods on the node that request extended resources</source>
        <translation>Aktive Pods auf dem Knoten, die Extended Resources anfordern</translation>
    </message>
    <message>
        <source>Requested / allocatable</source>
        <translation>Angefordert / zuteilbar</translation>
    </message>
</context>
<context>
    <name>Specula::Model::PodTableModel</name>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anforderungen</translation>
    </message>
    <message>
        <source>Waiting because</source>
        <translation>Wartet, weil</translation>
    </message>
</context>
<context>
    <name>Specula::Views::ErrorBanner</name>
    <message>
        <source>Hide this message (Esc)</source>
        <translation>Diese Meldung ausblenden (Esc)</translation>
    </message>
</context>
<context>
    <name>Specula::Views::TablePage</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation><numerusform>%n Zeile</numerusform><numerusform>%n Zeilen</numerusform></translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 von %2 Zeilen</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <source>Show only rows that contain this text in any column (Ctrl+F)</source>
        <translation>Nur Zeilen zeigen, die diesen Text in einer Spalte enthalten (Strg+F)</translation>
    </message>
</context>
</TS>
