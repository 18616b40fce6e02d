# The Camunda 7 → Operaton rename of clipflow's Java and configuration, applied by scripts/operaton-sources to a
# copy under target/operaton. Operaton renamed packages (org.camunda.* → org.operaton.*), classes and methods
# (CamundaBpmProperties, camundaHistoryTimeToLive), the Spring Boot property prefix (camunda.bpm → operaton.bpm),
# the engine data source's bean name (operatonBpmDataSource), the admin group (operaton-admin) and the webapps'
# path (/operaton/app/...), all by the one word; so one word is swapped in every case.
# Kept: the BPMN extension namespace (Operaton reads camunda: attributes as they are) and database URLs (the
# engine database is the same one: Operaton 1.0 has Camunda 7.24's schema, see README "Camunda 7 or Operaton").
/jdbc:/!{
s#http://camunda\.org/schema#@BPMN-NS@#g
s/camunda/operaton/g
s/Camunda/Operaton/g
s/CAMUNDA/OPERATON/g
s#@BPMN-NS@#http://camunda.org/schema#g
}
# Operaton's JUEL throws the standard Jakarta EL exceptions where Camunda's has shaded copies of its own
s/org\.operaton\.bpm\.impl\.juel\.jakarta\.el\./jakarta.el./g
# Operaton moved the engine's test mocks (Mocks, MockExpressionManager) into its impl packages
s/org\.operaton\.bpm\.engine\.test\.mock\./org.operaton.bpm.engine.impl.mock./g
