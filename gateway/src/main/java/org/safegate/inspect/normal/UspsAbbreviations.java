package org.safegate.inspect.normal;

import java.util.HashMap;
import java.util.Map;

/**
 * Standard abbreviations from USPS Publication 28: street suffixes (appendix C1), secondary unit
 * designators (C2) and directionals. Each map sends common spellings and the abbreviation itself
 * to the abbreviation, so applying it twice changes nothing.
 */
final class UspsAbbreviations {
    private final Map<String, String> suffixes = new HashMap<>();
    private final Map<String, String> units = new HashMap<>();
    private final Map<String, String> directionals = new HashMap<>();

    UspsAbbreviations() {
        add(suffixes, "ALY", "ALLEY", "ALLEE", "ALLY");
        add(suffixes, "ANX", "ANNEX", "ANNX", "ANEX");
        add(suffixes, "ARC", "ARCADE");
        add(suffixes, "AVE", "AVENUE", "AV", "AVEN", "AVENU", "AVN", "AVNUE");
        add(suffixes, "BCH", "BEACH");
        add(suffixes, "BLVD", "BOULEVARD", "BOUL", "BOULV");
        add(suffixes, "BND", "BEND");
        add(suffixes, "BR", "BRANCH", "BRNCH");
        add(suffixes, "BRG", "BRIDGE", "BRDGE");
        add(suffixes, "BYP", "BYPASS", "BYPA", "BYPAS", "BYPS");
        add(suffixes, "CSWY", "CAUSEWAY", "CAUSWA");
        add(suffixes, "CTR", "CENTER", "CENTRE", "CEN", "CENT", "CENTR", "CNTER", "CNTR");
        add(suffixes, "CIR", "CIRCLE", "CIRC", "CIRCL", "CRCL", "CRCLE");
        add(suffixes, "CT", "COURT", "CRT");
        add(suffixes, "CTS", "COURTS");
        add(suffixes, "CV", "COVE");
        add(suffixes, "CRK", "CREEK");
        add(suffixes, "CRES", "CRESCENT", "CRSENT", "CRSNT");
        add(suffixes, "XING", "CROSSING", "CRSSNG");
        add(suffixes, "DR", "DRIVE", "DRIV", "DRV");
        add(suffixes, "EXPY", "EXPRESSWAY", "EXP", "EXPR", "EXPRESS", "EXPW");
        add(suffixes, "EXT", "EXTENSION", "EXTN", "EXTNSN");
        add(suffixes, "FWY", "FREEWAY", "FREEWY", "FRWAY", "FRWY");
        add(suffixes, "GDN", "GARDEN", "GARDN", "GRDEN", "GRDN");
        add(suffixes, "GDNS", "GARDENS", "GRDNS");
        add(suffixes, "GTWY", "GATEWAY", "GATEWY", "GATWAY", "GTWAY");
        add(suffixes, "GLN", "GLEN");
        add(suffixes, "GRV", "GROVE", "GROV");
        add(suffixes, "HBR", "HARBOR", "HARB", "HARBR", "HRBOR");
        add(suffixes, "HTS", "HEIGHTS", "HT");
        add(suffixes, "HWY", "HIGHWAY", "HIGHWY", "HIWAY", "HIWY", "HWAY");
        add(suffixes, "HL", "HILL");
        add(suffixes, "HLS", "HILLS");
        add(suffixes, "HOLW", "HOLLOW", "HLLW", "HOLLOWS", "HOLWS");
        add(suffixes, "JCT", "JUNCTION", "JCTION", "JCTN", "JUNCTN", "JUNCTON");
        add(suffixes, "LK", "LAKE");
        add(suffixes, "LKS", "LAKES");
        add(suffixes, "LNDG", "LANDING", "LNDNG");
        add(suffixes, "LN", "LANE");
        add(suffixes, "LOOP", "LOOPS");
        add(suffixes, "MNR", "MANOR");
        add(suffixes, "MDWS", "MEADOWS", "MDW", "MEDOWS");
        add(suffixes, "MTN", "MOUNTAIN", "MNTAIN", "MNTN", "MOUNTIN", "MTIN");
        add(suffixes, "PARK", "PRK");
        add(suffixes, "PKWY", "PARKWAY", "PARKWY", "PKWAY", "PKY");
        add(suffixes, "PASS");
        add(suffixes, "PATH", "PATHS");
        add(suffixes, "PIKE", "PIKES");
        add(suffixes, "PL", "PLACE");
        add(suffixes, "PLZ", "PLAZA", "PLZA");
        add(suffixes, "PT", "POINT");
        add(suffixes, "RD", "ROAD");
        add(suffixes, "RDS", "ROADS");
        add(suffixes, "RDG", "RIDGE", "RDGE");
        add(suffixes, "RIV", "RIVER", "RVR", "RIVR");
        add(suffixes, "RTE", "ROUTE");
        add(suffixes, "ROW");
        add(suffixes, "RUN");
        add(suffixes, "SQ", "SQUARE", "SQR", "SQRE", "SQU");
        add(suffixes, "ST", "STREET", "STR", "STRT", "STREETS");
        add(suffixes, "TER", "TERRACE", "TERR");
        add(suffixes, "TPKE", "TURNPIKE", "TRNPK", "TURNPK");
        add(suffixes, "TRCE", "TRACE", "TRACES");
        add(suffixes, "TRL", "TRAIL", "TRAILS", "TRLS");
        add(suffixes, "VLY", "VALLEY", "VALLY", "VLLY");
        add(suffixes, "VW", "VIEW");
        add(suffixes, "VLG", "VILLAGE", "VILL", "VILLAG", "VILLG");
        add(suffixes, "VIS", "VISTA", "VIST", "VST", "VSTA");
        add(suffixes, "WALK", "WALKS");
        add(suffixes, "WAY", "WY");

        add(units, "APT", "APARTMENT", "APRTMNT");
        add(units, "BSMT", "BASEMENT");
        add(units, "BLDG", "BUILDING", "BLDNG");
        add(units, "DEPT", "DEPARTMENT");
        add(units, "FL", "FLOOR", "FLR");
        add(units, "FRNT", "FRONT");
        add(units, "HNGR", "HANGAR");
        add(units, "LBBY", "LOBBY");
        add(units, "LOT");
        add(units, "LOWR", "LOWER");
        add(units, "OFC", "OFFICE");
        add(units, "PH", "PENTHOUSE");
        add(units, "RM", "ROOM");
        add(units, "SPC", "SPACE");
        add(units, "STE", "SUITE", "SUIT");
        add(units, "TRLR", "TRAILER");
        add(units, "UNIT");
        add(units, "UPPR", "UPPER");
        add(units, "#");

        add(directionals, "N", "NORTH");
        add(directionals, "S", "SOUTH");
        add(directionals, "E", "EAST");
        add(directionals, "W", "WEST");
        add(directionals, "NE", "NORTHEAST");
        add(directionals, "NW", "NORTHWEST");
        add(directionals, "SE", "SOUTHEAST");
        add(directionals, "SW", "SOUTHWEST");
    }

    String suffix(String token) {
        return suffixes.get(token);
    }

    String unit(String token) {
        return units.get(token);
    }

    String directional(String token) {
        return directionals.get(token);
    }

    private static void add(Map<String, String> map, String abbreviation, String... spellings) {
        map.put(abbreviation, abbreviation);
        for (String spelling : spellings) {
            map.put(spelling, abbreviation);
        }
    }
}
