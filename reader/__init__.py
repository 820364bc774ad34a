"""Reading: spoken Vietnamese (normalize, lexicon), sentences and chunks, article blocks."""
