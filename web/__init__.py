"""The web room: thin views over scraper/, reader/, cache/ and services/."""
